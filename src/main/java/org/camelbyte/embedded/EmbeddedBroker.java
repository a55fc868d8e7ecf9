package org.camelbyte.embedded;

import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
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
        String acceptor = "tcp://" + host + ":" + port + "?protocols=CORE,AMQP,STOMP";
        try {
            Configuration config = new ConfigurationImpl()
                    .setName("camelbyte")
                    .setPersistenceEnabled(true)
                    .setSecurityEnabled(false)
                    .setJournalDirectory(dataDir.resolve("journal").toString())
                    .setBindingsDirectory(dataDir.resolve("bindings").toString())
                    .setPagingDirectory(dataDir.resolve("paging").toString())
                    .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                    .addAcceptorConfiguration("main", acceptor)
                    // the usual broker.xml defaults: undeliverable messages kept on DLQ, expired ones on ExpiryQueue
                    .addAddressSetting(
                            "#",
                            new AddressSettings()
                                    .setDeadLetterAddress(SimpleString.of("DLQ"))
                                    .setExpiryAddress(SimpleString.of("ExpiryQueue")));
            EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(config);
            server.start();
            LOG.info(
                    "Embedded Artemis broker accepting CORE, AMQP and STOMP on {}:{}, data in {}",
                    host,
                    port,
                    dataDir.toAbsolutePath());
            return new EmbeddedBroker(server, "tcp://" + host + ":" + port);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "The embedded broker could not start on " + host + ":" + port + " (" + e.getMessage()
                            + "); free the port, set broker.embedded.port, or set broker.url to an external broker.",
                    e);
        }
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
