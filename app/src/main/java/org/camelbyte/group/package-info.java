/**
 * Group runs whole: their records, order, concurrency, skip and retry, the group schedule routes, and the
 * decisions on which pipeline runs next.
 *
 * <p>Must not know HTTP or the steps of a run: it starts member runs through {@code intake/} and hears their outcomes.
 */
package org.camelbyte.group;
