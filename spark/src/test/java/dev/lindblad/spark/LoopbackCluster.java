package dev.lindblad.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;

/**
 * A real Spark standalone cluster on loopback: Spark's own {@code Master} and {@code Worker}
 * main classes started as separate JVMs from the test class path, with {@code spark.authenticate}
 * and a shared secret. The workers find Spark's jars in a {@code SPARK_HOME/jars} made of links
 * to the jars of this class path (as an installed Spark has them); Lindblad's classes and the
 * tests' reach the executors only through {@link SparkTaskMap#connect(SparkConf)}'s shipping.
 */
final class LoopbackCluster implements AutoCloseable {
    private final Path home;
    private final List<Process> processes = new ArrayList<>();
    private final String secret;
    final String masterUrl;

    private LoopbackCluster(Path home, String secret, int masterPort) {
        this.home = home;
        this.secret = secret;
        this.masterUrl = "spark://127.0.0.1:" + masterPort;
    }

    /** @return a free port on loopback, or throws IOException when none can be bound */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Starts a master and {@code workers} workers with {@code cores} cores each.
     *
     * @throws IOException when a port cannot be bound or a JVM cannot start
     */
    static LoopbackCluster start(int workers, int cores, String secret, Duration timeout) throws IOException {
        Path home = Files.createTempDirectory("lindblad-spark-home-");
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = p.getFileName().toString();
            if (Files.isRegularFile(p) && name.endsWith(".jar") && !name.startsWith("lindblad-")) {
                Path link = jars.resolve(name);
                if (!Files.exists(link)) {
                    Files.createSymbolicLink(link, p.toAbsolutePath());
                }
            }
        }
        int masterPort = freePort();
        LoopbackCluster c = new LoopbackCluster(home, secret, masterPort);
        try {
            c.launch("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                    String.valueOf(masterPort), "--webui-port", String.valueOf(freePort()));
            c.waitForPort(masterPort, timeout);
            for (int w = 0; w < workers; w++) {
                Path work = Files.createDirectories(home.resolve("work-" + w));
                c.launch("worker-" + w, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores",
                        String.valueOf(cores), "--memory", "768m", "--webui-port", String.valueOf(freePort()),
                        "--work-dir", work.toString(), c.masterUrl);
            }
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** @return the cluster's shared secret */
    String secret() {
        return secret;
    }

    /** The driver's configuration for this cluster: its master, authentication on, loopback only. */
    SparkConf driverConf() {
        return new SparkConf().setMaster(masterUrl).setAppName("lindblad-test")
                .set("spark.authenticate", "true").set("spark.authenticate.secret", secret)
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false").set("spark.executor.memory", "512m")
                .set("spark.executor.extraJavaOptions", "-XX:+UseSerialGC");
    }

    private void launch(String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");   // the daemons only schedule: start fast
        String opens = System.getProperty("lindblad.spark.opens", "");
        for (String o : opens.trim().split("\\s+")) {
            if (!o.isBlank()) {
                cmd.add(o);
            }
        }
        cmd.add("-Dspark.authenticate=true");
        cmd.add("-Dspark.master.rest.enabled=false");   // no REST server on the fixed port 6066
        cmd.add("-cp");
        cmd.add(home.resolve("jars").toString() + File.separator + "*");
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_NO_DAEMONIZE", "1");
        // the secret reaches the daemons through the environment, not their command lines
        pb.environment().put("_SPARK_AUTH_SECRET", secret);
        pb.redirectErrorStream(true);
        pb.redirectOutput(home.resolve(name + ".log").toFile());
        processes.add(pb.start());
    }

    private void waitForPort(int port, Duration timeout) throws IOException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IOException("a Spark daemon exited with " + p.exitValue() + ": " + logs());
                }
            }
            try (java.net.Socket s = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the master");
                }
            }
        }
        throw new IOException("the master did not listen on " + port + " within " + timeout + ": " + logs());
    }

    /** @return the daemons' logs, for a failure message */
    String logs() {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(home)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                String text = Files.readString(f);
                sb.append("\n--- ").append(f.getFileName()).append(" ---\n")
                        .append(text.length() > 4000 ? text.substring(text.length() - 4000) : text);
            }
        } catch (IOException e) {
            sb.append("(logs unreadable: ").append(e).append(')');
        }
        return sb.toString();
    }

    /** Stops the workers (and their executors) and the master, forcibly after 10 s, and removes SPARK_HOME. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        try (Stream<Path> all = Files.walk(home)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
