/**
 * The app's entry point and its start and stop: {@link org.camelbyte.App} starts Camel Main; {@link
 * org.camelbyte.Bootstrap} orders the start and stop of {@link org.camelbyte.LocalServices} (databases, broker,
 * Airbyte stand-in), {@link org.camelbyte.AirbyteRuns} (Airbyte, run steps, intake, groups, outcomes) and
 * {@link org.camelbyte.HttpApi}; {@link org.camelbyte.OpenedResources} closes what they opened.
 *
 * <p>Must not hold wiring details of an area: each area builds its own objects in its {@code *Wiring} class.
 */
package org.camelbyte;
