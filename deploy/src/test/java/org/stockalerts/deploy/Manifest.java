package org.stockalerts.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/** One rendered Kubernetes document: its apiVersion, kind, name and the document itself. */
record Manifest(String apiVersion, String kind, String name, JsonNode tree) {

    static Manifest of(JsonNode tree) {
        return new Manifest(
                tree.path("apiVersion").asString(""),
                tree.path("kind").asString(""),
                tree.path("metadata").path("name").asString(""),
                tree);
    }

    /** The API group, empty for the core group ({@code v1}). */
    String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** The version part of the apiVersion. */
    String version() {
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    boolean is(String kind) {
        return this.kind.equals(kind);
    }

    JsonNode spec() {
        return tree.path("spec");
    }

    /** The pod template of a Deployment or Job, missing for every other kind. */
    JsonNode podSpec() {
        return tree.path("spec").path("template").path("spec");
    }

    /** The containers and init containers of the pod template, if any. */
    List<JsonNode> containers() {
        List<JsonNode> containers = new ArrayList<>();
        podSpec().path("initContainers").forEach(containers::add);
        podSpec().path("containers").forEach(containers::add);
        return containers;
    }

    /** The label value of {@code app.kubernetes.io/name}: the component (service) a resource belongs to. */
    String component() {
        return tree.path("metadata")
                .path("labels")
                .path("app.kubernetes.io/name")
                .asString("");
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    @Override
    public String toString() {
        return kind + "/" + name;
    }
}
