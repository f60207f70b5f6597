package com.aimabledocs.artifacts.domain.artifact;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;

/** What kind of thing an artifact is, as the client declares it ({@code "type"} in a generate request). */
public enum DocumentType {
    DOCUMENT, SPREADSHEET, PRESENTATION, IMAGE, AUDIO, VIDEO, ARCHIVE, CODE, DATA, TEXT, OTHER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DocumentType fromWireName(String field, String text) {
        return Arrays.stream(values())
                .filter(t -> t.wireName().equals(text))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException(field,
                        field + " must be one of " + Arrays.stream(values()).map(DocumentType::wireName).toList()));
    }
}
