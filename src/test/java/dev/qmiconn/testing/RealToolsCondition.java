package dev.qmiconn.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import dev.qmiconn.process.ProgramPath;

/** Skips a {@link RealTools} test where it cannot run, or fails it when CI=true (a skip there hides a gap). */
public final class RealToolsCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        RealTools annotation = context.getTestClass()
                .map(c -> c.getAnnotation(RealTools.class)).orElse(null);
        if (annotation == null) {
            return ConditionEvaluationResult.enabled("not a real-tool test");
        }
        List<String> missing = new ArrayList<>();
        if (!isRoot()) {
            missing.add("root");
        }
        for (String tool : annotation.value()) {
            if (which(tool) == null) {
                missing.add(tool);
            }
        }
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("root and " + List.of(annotation.value()) + " present");
        }
        String why = "real-tool test needs " + missing + " (run bin/setup as root)";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true and " + why);
        }
        return ConditionEvaluationResult.disabled(why);
    }

    public static boolean isRoot() {
        try {
            return "0".equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid").toString());
        } catch (Exception e) {
            return false;
        }
    }

    public static Path which(String tool) {
        for (String dir : ProgramPath.SYSTEM_DIRS) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
