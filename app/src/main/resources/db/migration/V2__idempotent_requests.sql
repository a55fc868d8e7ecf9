-- Camel's JDBC idempotent repository (camel-sql JdbcMessageIdRepository): request ids already run.
CREATE TABLE camel_messageprocessed (
    processorname  varchar(255) NOT NULL,
    messageid      varchar(255) NOT NULL,
    createdat      timestamp NOT NULL DEFAULT now(),
    PRIMARY KEY (processorname, messageid)
);
