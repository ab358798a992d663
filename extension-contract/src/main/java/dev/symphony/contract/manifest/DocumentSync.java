package dev.symphony.contract.manifest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code contributes.documentSync}: the open documents (by file extension) the workbench tells an extension about,
 * through calls of an operator {@code capability}: {@code open} with the whole text once, {@code change} with ranges
 * per edit, {@code close}. The input shapes are in the manifest schema's description and
 * {@code extensions-sdk/README.md} ("Document sync"). {@code requests}, when declared, is the operator capability the
 * workbench sends language requests to (completion, definition, hover, rename, cancel); their results come back as
 * {@code workbench.languageResult} events.
 */
public record DocumentSync(String capability, Set<String> fileTypes, Optional<String> requests) {
    public DocumentSync {
        fileTypes = Set.copyOf(fileTypes);
    }

    /** The manifest's document sync, if it declares one. */
    public static Optional<DocumentSync> of(ExtensionManifest manifest) {
        JsonNode d = manifest.raw().path("contributes").path("documentSync");
        if (!d.isObject()) {
            return Optional.empty();
        }
        Set<String> types = new LinkedHashSet<>();
        d.path("fileTypes").forEach(t -> types.add(t.asText().toLowerCase(Locale.ROOT)));
        String requests = d.path("requests").asText("");
        return Optional.of(new DocumentSync(d.path("capability").asText(), types, requests.isEmpty() ? Optional.empty() : Optional.of(requests)));
    }

    /** True when a file named {@code fileName} is one of ours (by its extension, case-insensitive). */
    public boolean serves(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 && fileTypes.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Its capability must be an operator (calls are quick and in order); {@code tools} needs {@code processes}. */
    static void check(JsonNode root, java.util.Map<String, String> capabilityKinds, List<ManifestException.Problem> problems) {
        JsonNode d = root.path("contributes").path("documentSync");
        if (d.isObject()) {
            for (String field : new String[] {"capability", "requests"}) {
                if (field.equals("requests") && !d.has(field)) {
                    continue;
                }
                String cap = d.path(field).asText();
                String kind = capabilityKinds.get(cap);
                if (kind == null) {
                    problems.add(new ManifestException.Problem("$.contributes.documentSync." + field, "no capability named '" + cap + "'"));
                } else if (!kind.equals("operator")) {
                    problems.add(new ManifestException.Problem("$.contributes.documentSync." + field,
                            "'" + cap + "' is an " + kind + "; document sync needs an operator capability"));
                }
            }
        }
        JsonNode p = root.path("permissions");
        if (p.path("tools").asBoolean(false) && !p.path("processes").asBoolean(false)) {
            problems.add(new ManifestException.Problem("$.permissions.tools", "the tools folder is for programs the host runs: it needs \"processes\": true"));
        }
    }
}
