/**
 * Health checks and metrics the management port serves.
 *
 * <p>Must not change runs: it only reads and reports.
 */
package org.camelbyte.observe;
