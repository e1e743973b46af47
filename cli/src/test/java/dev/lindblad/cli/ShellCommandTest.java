package dev.lindblad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellCommandTest {

    @TempDir
    Path dir;

    @Test
    void startupImportsLindblad() {
        String s = ShellCommand.startupSnippets();
        assertTrue(s.contains("import dev.lindblad.*;"), s);
        assertTrue(s.contains("import static dev.lindblad.Lindblad.*;"), s);
    }

    /** Starts the real jshell with the command the shell subcommand builds and types into it. */
    @Test
    void jshellSeesLindbladWithoutQualifiedNames() throws Exception {
        Path startup = Files.writeString(dir.resolve("startup.jsh"), ShellCommand.startupSnippets());
        List<String> command = ShellCommand.command(startup, List.of("-q"));
        // Dims needs the type import, qeye the static façade import
        String input = "System.out.println(\"dims=\" + Dims.oper(3, 2) + \" trace=\" + qeye(3).tr().re())\n/exit\n";
        CliRunner.Outcome r = CliRunner.process(command, input, dir);
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("dims=" + dev.lindblad.Dims.oper(3, 2) + " trace=3.0"), r.out() + r.err());
        assertTrue(!r.out().contains("cannot find symbol"), r.out());
    }

    /** A Qobj typed at the prompt shows as QuTiP shows it (issue #21): header, then numpy's layout. */
    @Test
    void jshellShowsAQobjAsQutip() throws Exception {
        Path startup = Files.writeString(dir.resolve("startup.jsh"), ShellCommand.startupSnippets());
        List<String> command = ShellCommand.command(startup, List.of("-q"));
        String input = "sigmax()\ndestroy(3).plus(qeye(3).times(new Complex(0, 0.5)))\n/exit\n";
        CliRunner.Outcome r = CliRunner.process(command, input, dir);
        assertEquals(0, r.status(), r.out() + r.err());
        String out = r.out().replace("\r", "");
        assertTrue(out.contains("Quantum object: dims=[[2], [2]], shape=(2, 2), type='oper', dtype=CSR, isherm=True\n"
                + "Qobj data =\n[[0. 1.]\n [1. 0.]]"), out + r.err());
        assertTrue(out.contains("[[0.        +0.5j 1.        +0.j  0.        +0.j ]\n"
                + " [0.        +0.j  0.        +0.5j 1.41421356+0.j ]\n"), out + r.err());
    }
}
