package org.camelbyte.trigger;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** A plain JMS client of the app's broker, as a team's own system would be. */
public final class Broker implements AutoCloseable {
    private final Connection connection;
    private final Session session;

    public Broker(String url) throws JMSException {
        connection = new ActiveMQConnectionFactory(url).createConnection();
        connection.start();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    public void send(String queue, String body) throws JMSException {
        try (var producer = session.createProducer(session.createQueue(queue))) {
            producer.send(session.createTextMessage(body));
        }
    }

    /** The next message on the queue, or null after the wait. */
    public TextMessage receive(String queue, long waitMillis) throws JMSException {
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
            Message m = consumer.receive(waitMillis);
            return (TextMessage) m;
        }
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
