package dev.qmiconn.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;

/**
 * Removes what a killed run left behind (SIGKILL skips shutdown hooks): network namespaces named
 * {@code qc<8 hex>-host|modem} whose owner JVM (named in {@code <base>/<prefix>/owner}) is dead, the processes
 * in them or naming their work directory in their argv (socat), and the work directory. A sandbox whose owner is
 * alive, or one without an owner file yet (being built), is left alone: other runs share the machine.
 */
public final class StaleSandboxSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(StaleSandboxSweeper.class);

    private final CommandRunner runner;
    private final Path baseDir;

    public StaleSandboxSweeper(CommandRunner runner, Path baseDir) {
        this.runner = runner;
        this.baseDir = baseDir;
    }

    /** Sweeps and returns the prefixes of the sandboxes it removed. */
    public List<String> sweep() {
        Set<SandboxNames> candidates = new LinkedHashSet<>();
        CommandResult list = runner.run(CommandSpec.of(Programs.path("ip"), "netns", "list")
                .withTimeout(Duration.ofSeconds(10)));
        list.stdout().lines().map(l -> l.split("\\s+")[0]).map(SandboxNames::ofNamespace)
                .flatMap(Optional::stream).forEach(candidates::add);
        if (Files.isDirectory(baseDir)) {
            try (Stream<Path> dirs = Files.list(baseDir)) {
                dirs.map(d -> d.getFileName().toString())
                        .filter(n -> n.matches("qc[0-9a-f]{8}"))
                        .forEach(n -> candidates.add(new SandboxNames(n + "-")));
            } catch (IOException e) {
                LOG.debug("cannot list {}: {}", baseDir, e.getMessage());
            }
        }
        List<String> removed = new ArrayList<>();
        for (SandboxNames names : candidates) {
            if (isStale(names)) {
                remove(names);
                removed.add(names.prefix());
            }
        }
        return removed;
    }

    private Path dirOf(SandboxNames names) {
        return baseDir.resolve(names.prefix().replace("-", ""));
    }

    private boolean isStale(SandboxNames names) {
        Path owner = dirOf(names).resolve("owner");
        try {
            long pid = Long.parseLong(Files.readString(owner).strip());
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException e) {
            return false; // no owner file: someone else's sandbox, or one being built
        }
    }

    private void remove(SandboxNames names) {
        LOG.info("removing stale sandbox {}", names.prefix());
        Set<Long> pids = new LinkedHashSet<>();
        for (String ns : List.of(names.hostNamespace(), names.modemNamespace())) {
            runner.run(CommandSpec.of(Programs.path("ip"), "netns", "pids", ns)).stdout().lines()
                    .map(String::strip).filter(s -> s.matches("\\d+")).map(Long::valueOf).forEach(pids::add);
        }
        pids.addAll(processesNaming(dirOf(names).toString()));
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        for (String ns : List.of(names.hostNamespace(), names.modemNamespace())) {
            runner.run(CommandSpec.of(Programs.path("ip"), "netns", "delete", ns));
        }
        WorkDirs.delete(dirOf(names));
    }

    /** PIDs whose argv names {@code path} (socat bridging the sandbox's socket). */
    private static List<Long> processesNaming(String path) {
        List<Long> pids = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(p -> {
            try {
                String cmdline = Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
                if (cmdline.contains(path + "/") && p.pid() != ProcessHandle.current().pid()) {
                    pids.add(p.pid());
                }
            } catch (IOException | RuntimeException e) {
                // gone or unreadable: not one to stop
            }
        });
        return pids;
    }
}
