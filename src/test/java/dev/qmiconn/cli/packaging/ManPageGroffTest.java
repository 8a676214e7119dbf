package dev.qmiconn.cli.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.testing.RealTools;

/** The generated pages through the real groff (groff-base, installed by bin/setup); a CI=true skip is a failure. */
@RealTools({"groff"})
class ManPageGroffTest {

    @Test
    void should_render_every_page_without_a_groff_warning() {
        ExecRunner runner = new ExecRunner();
        for (ManPage.Page p : ManPageTest.pages()) {
            CommandResult r = runner.run(CommandSpec.of("groff", "-man", "-Tutf8", "-ww")
                    .withStdin(p.roff()).withTimeout(Duration.ofSeconds(20)));
            assertEquals(0, r.exitCode(), p.name());
            assertEquals("", r.stderr(), p.name());
            assertTrue(r.stdout().replaceAll(".\b", "").contains("NAME"), p.name()); // grotty overstrikes bold
        }
    }
}
