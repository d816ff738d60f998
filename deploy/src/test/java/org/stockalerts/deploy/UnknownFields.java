package org.stockalerts.deploy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields a model object did not know. fabric8's and Strimzi's model classes keep every property they have no field
 * for in {@code additionalProperties} instead of failing, so a misspelled field would deserialize quietly; this walks
 * the object graph and names every such property with its path, as the API server's strict field validation would.
 */
final class UnknownFields {

    private static final int MAX_DEPTH = 64;

    private UnknownFields() {}

    /** The paths of the unknown fields, e.g. {@code spec.replicaz}, each once. */
    static List<String> of(Object model) {
        Set<String> unknown = new LinkedHashSet<>();
        walk(model, "", unknown, 0);
        return unknown.stream()
                .map(path -> path.startsWith(".") ? path.substring(1) : path)
                .toList();
    }

    private static void walk(Object value, String path, Set<String> unknown, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(item, path + "[" + index++ + "]", unknown, depth + 1);
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> walk(item, path + "." + key, unknown, depth + 1));
            return;
        }
        if (!isModel(value.getClass())) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (!isGetter(getter)) {
                continue;
            }
            Object property = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                }
            } else {
                walk(property, path + "." + propertyName(getter), unknown, depth + 1);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return !type.isEnum()
                && (name.startsWith("io.fabric8.kubernetes.api.model") || name.startsWith("io.strimzi.api"));
    }

    private static boolean isGetter(Method method) {
        return method.getParameterCount() == 0
                && !Modifier.isStatic(method.getModifiers())
                && method.getDeclaringClass() != Object.class
                && (method.getName().startsWith("get") || method.getName().startsWith("is"))
                && !method.getReturnType().isPrimitive();
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a derived getter that cannot answer for this object holds no input of ours
            return null;
        }
    }

    private static String propertyName(Method getter) {
        String name = getter.getName().replaceFirst("^(get|is)", "");
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
