/**
 * The HTTP API under {@code /api}: its routes, their shared authentication and status mapping, and how
 * the API's authentication is chosen from settings.
 *
 * <p>Must not hold run or group logic: it turns HTTP into calls on {@code intake/} and {@code group/} and back.
 */
package org.camelbyte.api;
