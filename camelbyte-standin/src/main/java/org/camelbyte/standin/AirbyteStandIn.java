package org.camelbyte.standin;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A stand-in Airbyte server on 127.0.0.1 speaking both the public API ({@link #publicApiUrl()}) and the
 * Config API ({@link #configApiUrl()}) over real HTTP, seeded from a {@link StandInScenario}.
 */
public final class AirbyteStandIn implements AutoCloseable {

    static final String PUBLIC_BASE = "/api/public/v1";
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // Airbyte's server (Netty) answers with TCP_NODELAY; the JDK's server does not unless told, so an answer's
        // headers and body, written apart, waited for the client's delayed ACK: 40 ms a call, which no real
        // Airbyte adds. The JDK reads this once, when its first HttpServer starts; a value set on the command line
        // stays.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final int port;
    private final ExecutorService executor;
    private final StandInHttpHandler handler;
    private volatile HttpServer server;
    private final JobStore jobs;
    private final StandInFaults faults;
    private final Authenticator authenticator;
    private final CallRecorder recorder;
    private final SuccessNotifier notifier;
    private final ServerBehaviours behaviours;
    private final WebhookSender webhooks;
    private final StandInScenario scenario;
    private final String serverId;

    private AirbyteStandIn(StandInScenario scenario, int port, Path journal) throws IOException {
        this.scenario = scenario;
        this.serverId = StandInIdentity.of(journal);
        Clock clock = Clock.systemUTC();
        Instant started = clock.instant();
        this.server = bind(port);
        this.port = server.getAddress().getPort();
        this.faults = new StandInFaults();
        scenario.faults().forEach(f -> f.applyTo(faults));
        this.behaviours = new ServerBehaviours();
        scenario.behaviours().applyTo(behaviours);
        JobJournal journalFile = journal == null ? null : new JobJournal(journal);
        this.notifier = new SuccessNotifier(
                job -> describe(scenario, job), journalFile == null ? id -> {} : journalFile::delivered);
        if (journalFile != null) {
            // before the jobs come back: a success delivered in an earlier life is not owed again
            journalFile.entries().stream()
                    .filter(entry -> entry[0].equals("delivered") && entry.length == 2)
                    .forEach(entry -> notifier.alreadyDelivered(Long.parseLong(entry[1])));
        }
        this.jobs = new JobStore(scenario.timeScale(), clock, notifier, journalFile);
        this.webhooks = new WebhookSender(scenario, "http://127.0.0.1:" + this.port);
        jobs.onCreated(webhooks::watch);
        jobs.restore(scenario);
        this.authenticator =
                new Authenticator(scenario.auth(), Duration.ofSeconds(scenario.tokenTtlSeconds()), clock, behaviours);
        this.recorder = new CallRecorder();
        JobCreation creation = new JobCreation(jobs, faults);
        PublicApi publicApi = new PublicApi(
                scenario, jobs, creation, new PublicApiViews(started, behaviours), publicApiUrlFor(server));
        ConfigApi configApi = new ConfigApi(scenario, jobs, creation, new ConfigApiViews(started, behaviours));
        this.executor = boundedPool(scenario.serverThreads());
        this.handler = new StandInHttpHandler(publicApi, configApi, authenticator, faults, recorder);
        serve(server);
    }

    /** Starts on {@code port} (0 picks a free one), bound to 127.0.0.1. */
    public static AirbyteStandIn start(StandInScenario scenario, int port) {
        return start(scenario, port, null);
    }

    /**
     * Starts with its jobs kept in {@code journal} (null: in memory only), so a stand-in started again on
     * the same file still knows them, as a real Airbyte would after our app restarts.
     */
    public static AirbyteStandIn start(StandInScenario scenario, int port, Path journal) {
        try {
            return new AirbyteStandIn(scenario, port, journal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Airbyte stand-in on port " + port, e);
        }
    }

    /**
     * Which server this is: the same for a stand-in started again on the same journal, whatever its port, and
     * different for any other stand-in (their job ids name different jobs).
     */
    public String serverId() {
        return serverId;
    }

    public int port() {
        return port;
    }

    public String publicApiUrl() {
        return publicApiUrlFor(server);
    }

    public String configApiUrl() {
        return "http://127.0.0.1:" + port() + "/api/v1";
    }

    /** Every job created for this connection, oldest first. */
    public List<StandInJob> jobsOf(String connectionId) {
        return jobs.of(connectionId);
    }

    /**
     * Gives this server {@code count} old sync jobs, created {@code ago} before now and ended since, spread over
     * the scenario's connections: the thousands of jobs a long-lived Airbyte lists when it ignores a filter.
     */
    public void seedHistory(int count, Duration ago) {
        jobs.seedHistory(scenario.connections(), count, Instant.now().minus(ago));
    }

    public int jobsCreated() {
        return jobs.size();
    }

    /** Recorded calls, oldest first (the newest {@value CallRecorder#CAPACITY} only). */
    public List<RecordedCall> calls() {
        return recorder.all();
    }

    /** Every call since start by its shape ("GET /api/public/v1/jobs/{id}"), uncapped, unlike {@link #calls()}. */
    public Map<String, Long> callCounts() {
        return recorder.counts();
    }

    public void clearCalls() {
        recorder.clear();
    }

    public StandInFaults faults() {
        return faults;
    }

    /** Clock skew, timestamp precision, stats shape, JWT tokens: how this server differs from a tidy one. */
    public ServerBehaviours behaviours() {
        return behaviours;
    }

    /** Every issued token stops working at once, as if its TTL had passed. */
    public void expireAllTokens() {
        authenticator.expireAllTokens();
    }

    /**
     * Called once per sync job that succeeds, before any client can see it succeeded. The first listener
     * also gets, before this returns, every success the stand-in owes: jobs of its journal that ended while
     * it was down and whose success no listener got yet.
     */
    public void onJobSucceeded(Consumer<FinishedSync> listener) {
        notifier.addListener(listener);
    }

    /**
     * Sends Airbyte's sync notification webhook ({@code {"text", "data": SyncSummary}}) to {@code url} for
     * every sync that ends succeeded or failed from now on, as a workspace's notification settings do;
     * null stops sending.
     */
    public void sendWebhooksTo(String url) {
        webhooks.sendTo(url);
    }

    /** Webhook notifications sent so far. */
    public long webhooksSent() {
        return webhooks.sent();
    }

    /**
     * Airbyte's web server goes away (connections refused, open ones cut) while its jobs keep running,
     * as when the server pod restarts; {@link #startHttp()} brings it back on the same port.
     */
    public void stopHttp() {
        server.stop(0);
    }

    public void startHttp() {
        try {
            server = bind(port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restart the Airbyte stand-in on port " + port, e);
        }
        serve(server);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        notifier.close();
        webhooks.close();
    }

    private static HttpServer bind(int port) throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
    }

    private void serve(HttpServer httpServer) {
        httpServer.setExecutor(executor);
        httpServer.createContext("/", handler);
        httpServer.start();
    }

    private static String publicApiUrlFor(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PUBLIC_BASE;
    }

    private static FinishedSync describe(StandInScenario scenario, StandInJob job) {
        ScenarioConnection c = job.connection();
        return new FinishedSync(
                job.id(),
                c.id(),
                c.name(),
                scenario.workspaceOf(c).name(),
                c.namespace(),
                c.prefix(),
                job.snapshot().streams());
    }

    /** Fixed threads with an unbounded queue: a burst waits its turn instead of being refused. */
    private static ExecutorService boundedPool(int threads) {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "standin-http-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
