package org.stockalerts.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The chart in {@code deploy/helm/stock-alerts}, rendered by Helm's own library (helm-java, offline) as {@code helm
 * template} renders it, for a Kubernetes version the chart supports.
 */
final class Chart {

    static final Path ROOT = Path.of("helm/stock-alerts");
    static final Path REPOSITORY = Path.of("..");
    static final String RELEASE = "stock-alerts";
    static final String NAMESPACE = "stock-alerts";
    static final String KUBERNETES_VERSION = "v1.32.0";

    /** Duplicate keys fail, as they fail Helm's and kubectl's conversion of YAML to JSON. */
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Chart() {}

    /** The chart rendered with values.yaml and then {@code valuesFile}, then the {@code --set}s. */
    static List<Manifest> render(String valuesFile, Map<String, Object> sets) {
        TemplateCommand template = new Helm(ROOT)
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBERNETES_VERSION)
                .withValuesFile(ROOT.resolve(valuesFile));
        sets.forEach(template::set);
        return parse(template.call());
    }

    static List<Manifest> render(String valuesFile) {
        return render(valuesFile, Map.of());
    }

    static LintResult lint() {
        return new Helm(ROOT).lint().strict().call();
    }

    /** Every non-empty document of a multi-document YAML stream. */
    static List<Manifest> parse(String yaml) {
        List<Manifest> manifests = new ArrayList<>();
        try (MappingIterator<JsonNode> documents =
                YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && document.isObject() && !document.isEmpty()) {
                    manifests.add(Manifest.of(document));
                }
            }
        }
        return manifests;
    }
}
