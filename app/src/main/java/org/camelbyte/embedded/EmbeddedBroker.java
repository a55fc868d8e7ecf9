package org.camelbyte.embedded;

import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's message broker: ActiveMQ Artemis, persistent in a data folder, accepting CORE,
 * AMQP and STOMP clients on one port so any JMS, AMQP or STOMP client can send run requests.
 */
public class EmbeddedBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private final EmbeddedActiveMQ server;
    private final String url;

    private EmbeddedBroker(EmbeddedActiveMQ server, String url) {
        this.server = server;
        this.url = url;
    }

    public static EmbeddedBroker start(Path dataDir, String host, int port) {
        String acceptorUrl = "tcp://" + host + ":" + port + "?protocols=CORE,AMQP,STOMP";
        EmbeddedActiveMQ server;
        try {
            Configuration config = new ConfigurationImpl()
                    .setName("camelbyte")
                    .setPersistenceEnabled(true)
                    .setSecurityEnabled(false)
                    .setJournalDirectory(dataDir.resolve("journal").toString())
                    .setBindingsDirectory(dataDir.resolve("bindings").toString())
                    .setPagingDirectory(dataDir.resolve("paging").toString())
                    .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                    .addAcceptorConfiguration("main", acceptorUrl)
                    // the usual broker.xml defaults: undeliverable messages kept on DLQ, expired ones on ExpiryQueue
                    .addAddressSetting(
                            "#",
                            new AddressSettings()
                                    .setDeadLetterAddress(SimpleString.of("DLQ"))
                                    .setExpiryAddress(SimpleString.of("ExpiryQueue")));
            server = new EmbeddedActiveMQ().setConfiguration(config);
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(
                    "The embedded broker could not start on " + host + ":" + port + " (" + e.getMessage()
                            + "); free the port, set broker.embedded.port, or set broker.url to an external broker.",
                    e);
        }
        // Artemis logs an acceptor it cannot bind and runs on without it: the app had no broker to speak of
        // (the acceptor counts as started all the same; only a bind that worked sets its actual port)
        var acceptor = server.getActiveMQServer().getRemotingService().getAcceptor("main");
        if (!(acceptor instanceof NettyAcceptor netty) || netty.getActualPort() <= 0) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // the start is refused either way
            }
            throw new IllegalStateException("Port " + port + " (broker.embedded.port) is already in use on " + host
                    + "; stop what holds it or set broker.embedded.port to a free port, or broker.url to an external"
                    + " broker.");
        }
        LOG.info(
                "Embedded Artemis broker accepting CORE, AMQP and STOMP on {}:{}, data in {}",
                host,
                port,
                dataDir.toAbsolutePath());
        return new EmbeddedBroker(server, "tcp://" + host + ":" + port);
    }

    /** The CORE protocol URL a JMS client connects to. */
    public String url() {
        return url;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
