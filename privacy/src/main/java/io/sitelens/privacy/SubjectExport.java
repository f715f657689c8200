package io.sitelens.privacy;

import static java.util.Objects.requireNonNull;

/**
 * An access or portability export: a JSON document ({@code application/json}), or a zip holding
 * {@code export.json} and the attached files under {@code files/} ({@code application/zip}).
 */
public record SubjectExport(String fileName, String mediaType, byte[] bytes) {
    public SubjectExport {
        requireNonNull(fileName, "fileName");
        requireNonNull(mediaType, "mediaType");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public boolean isZip() {
        return mediaType.equals("application/zip");
    }

    @Override
    public String toString() {
        return "SubjectExport[" + fileName + ", " + bytes.length + " bytes]";
    }
}
