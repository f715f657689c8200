/* SYNTHETIC first-party stand-in for Google Tag Manager (GTM-SLDEMO1): records page views in the dataLayer only. */
window.dataLayer=window.dataLayer||[];window.dataLayer.push({event:'page_view',page_path:location.pathname});
