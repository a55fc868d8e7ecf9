/**
 * A faithful Airbyte stand-in: the embedded default, the tests' and benchmark's Airbyte, and a standalone
 * process driven by a scenario YAML.
 *
 * <p>Must not know the app: it behaves as an Airbyte server does and nothing more.
 */
package org.camelbyte.standin;
