package org.camelbyte.standin;

/** The two APIs an Airbyte server speaks; they share one job store but differ in shapes and errors. */
enum ApiFlavour {
    PUBLIC,
    CONFIG
}
