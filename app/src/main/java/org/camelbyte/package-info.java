/**
 * The app's entry point: {@link org.camelbyte.App} starts Camel Main, {@link org.camelbyte.Bootstrap} calls each
 * area's wiring in order and drives start and stop.
 *
 * <p>Must not hold wiring details of an area: each area builds its own objects in its {@code *Wiring} class.
 */
package org.camelbyte;
