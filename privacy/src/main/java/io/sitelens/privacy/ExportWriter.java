package io.sitelens.privacy;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.privacy.internal.CanonicalJson;
import io.sitelens.spi.privacy.ExportedItem;
import io.sitelens.spi.privacy.PrivacyRightsHandler;
import io.sitelens.spi.storage.BlobStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes the JSON (or zip) of an access or portability request. */
final class ExportWriter {
    private ExportWriter() {}

    static SubjectExport write(
            PrivacyRequest r,
            ProcessingRegister register,
            RetentionPolicies retention,
            List<PrivacyRightsHandler> handlers,
            BlobStore blobs) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schemaVersion", 1);
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("id", r.id());
        req.put("right", r.right().name().toLowerCase(Locale.ROOT));
        req.put("state", r.state().name().toLowerCase(Locale.ROOT));
        req.put("receivedAt", r.receivedAt().toString());
        req.put("deadline", r.deadline().toString());
        req.put("completedAt", r.completedAt() == null ? null : r.completedAt().toString());
        doc.put("request", req);
        doc.put(
                "subject",
                Map.of(
                        "identities",
                        r.identities().stream().map(SubjectIdentity::toString).toList()));
        doc.put(
                "metadata",
                register.exportMetadata(
                        retention,
                        handlers.stream().map(PrivacyRightsHandler::id).toList()));
        List<Map<String, Object>> data = new ArrayList<>();
        Map<String, byte[]> files = new TreeMap<>();
        r.items().forEach((handler, items) -> {
            for (ExportedItem i : items) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("system", handler);
                m.put("category", i.category());
                m.put("source", i.source());
                m.put("providedBySubject", i.providedBySubject());
                m.put("fields", new TreeMap<>(i.fields()));
                data.add(m);
                if (handler.equals(StoragePrivacyHandler.ID)) {
                    i.fields().forEach((k, v) -> {
                        if (k.startsWith(StoragePrivacyHandler.ATTACHMENT)) {
                            Optional<byte[]> bytes = blobs.get(r.tenant(), v);
                            bytes.ifPresent(b -> files.put(v, b));
                        }
                    });
                }
            }
        });
        doc.put("data", data);
        List<Map<String, Object>> systems = new ArrayList<>();
        for (HandlerOutcome o : r.outcomes().values()) {
            systems.add(Map.of(
                    "system", o.handlerId(),
                    "status", o.status().name().toLowerCase(Locale.ROOT),
                    "records", o.affected(),
                    "message", o.message()));
        }
        doc.put("systems", systems);
        List<Map<String, Object>> fileList = new ArrayList<>();
        files.forEach((sha, b) -> fileList.add(Map.of("sha256", sha, "path", "files/" + sha, "size", b.length)));
        doc.put("files", fileList);
        byte[] json = CanonicalJson.pretty(doc).getBytes(StandardCharsets.UTF_8);
        String base = "sitelens-" + r.right().name().toLowerCase(Locale.ROOT) + "-" + r.id();
        if (files.isEmpty()) {
            return new SubjectExport(base + ".json", "application/json", json);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("export.json"));
            zip.write(json);
            zip.closeEntry();
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry("files/" + f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new SitelensException(ErrorCode.INTERNAL, "cannot write the export zip of " + r.id(), e);
        }
        return new SubjectExport(base + ".zip", "application/zip", out.toByteArray());
    }
}
