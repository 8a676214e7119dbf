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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.slf4j.Logger;

import dev.qmiconn.log.Logs;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;

/**
 * Removes what a killed run left behind (SIGKILL skips shutdown hooks): network namespaces named
 * {@code qc<8 hex>-host|modem} whose owner JVM (named in {@code <base>/<prefix>/owner}) is dead, the processes
 * that sandbox recorded as started ({@link StartedProcesses}, stopped by PID only while their start time still
 * matches), and the work directory. A process the sandbox did not record is never touched, whatever its argv or
 * namespace. A sandbox whose owner is alive, or one without an owner file yet (being built), is left alone:
 * other runs share the machine.
 */
public final class StaleSandboxSweeper {

    private static final Logger LOG = Logs.of(StaleSandboxSweeper.class);

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

    private boolean isStale(SandboxNames names) {
        Path owner = SandboxLayout.of(baseDir, names).ownerFile();
        try {
            long pid = Long.parseLong(Files.readString(owner).strip());
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException e) {
            return false; // no owner file: someone else's sandbox, or one being built
        }
    }

    private void remove(SandboxNames names) {
        LOG.info("removing stale sandbox {}", names.prefix());
        SandboxLayout layout = SandboxLayout.of(baseDir, names);
        List<ProcessHandle> killed = new ArrayList<>();
        for (StartedProcesses.Entry e : StartedProcesses.read(layout.processesFile())) {
            if (StartedProcesses.isSameProcess(e)) {
                ProcessHandle.of(e.pid()).ifPresent(p -> {
                    p.destroyForcibly();
                    killed.add(p);
                });
            }
        }
        awaitExit(killed);
        List<String> failed = ModemSide.deleteNamespaces(runner, names);
        if (!failed.isEmpty()) {
            LOG.warn("stale sandbox {}: cannot delete {}", names.prefix(), failed);
        }
        WorkDirs.delete(layout.root());
    }

    /** A namespace is only gone once the last process in it has exited. */
    private static void awaitExit(List<ProcessHandle> processes) {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        for (ProcessHandle p : processes) {
            try {
                p.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("pid {} has not exited yet", p.pid());
            }
        }
    }
}
