package org.camelbyte.embedded;

import jakarta.jms.ConnectionFactory;
import java.nio.file.Path;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.camelbyte.config.Settings;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The {@code jms} component the queue trigger and outcome events use: the embedded Artemis broker unless
 * {@code broker.url} names another one.
 */
public final class BrokerWiring {
    private BrokerWiring() {}

    public static void configure(
            CamelContext context, Settings settings, Path dataDir, List<AutoCloseable> closeAtStop) {
        String url = settings.get("broker.url").orElse(null);
        if (url == null) {
            EmbeddedBroker broker = EmbeddedBroker.start(
                    dataDir.resolve("broker"),
                    settings.require("broker.embedded.host"),
                    settings.getInt("broker.embedded.port"));
            closeAtStop.add(broker);
            url = broker.url();
        }
        ActiveMQConnectionFactory artemis = new ActiveMQConnectionFactory(
                url,
                settings.get("broker.username").orElse(null),
                settings.secret("broker.password").orElse(null));
        // consumers keep their own connection; producers (outcome events, DLQ) reuse cached sessions
        CachingConnectionFactory caching = new CachingConnectionFactory(artemis);
        caching.setCacheConsumers(false);
        closeAtStop.add(caching::destroy);
        closeAtStop.add(artemis);
        context.addComponent("jms", JmsComponent.jmsComponent((ConnectionFactory) caching));
    }
}
