/**
 * Post-sync steps on the destination database: statistics refresh and data-quality checks. Plain JDBC on a
 * {@link javax.sql.DataSource}; nothing here knows Airbyte or Camel.
 *
 * <p>A pipeline's section, read by {@link org.camelbyte.poststep.PostSyncSpec#parse}:
 * <pre>
 * postSync:
 *   dataSource: warehouse                      # required
 *   statementTimeout: 5m                       # optional, default 5m; each statement, rounded up to seconds
 *   analyze: [public.orders, public.customers] # optional; otherwise the tables of the synced streams
 *   checks:
 *     - { type: row_count, table: public.orders, min: 1, max: 1000000 }   # neither bound: min 1
 *     - { type: not_null, table: public.orders, columns: [id, customer_id] }
 *     - { type: unique, table: public.orders, columns: [id] }             # the combination; rows with nulls left out
 *     - { type: accepted_values, table: public.orders, column: status, values: [new, paid, shipped] }  # nulls pass
 *     - { type: freshness, table: public.orders, column: updated_at, maxAge: 24h, severity: warn }
 *     - { type: rows_synced_min, min: 1 }                                 # from the job's stats
 *     - { type: row_count_change, table: public.orders, maxChangePercent: 50 }
 *     - { type: sql, name: no_negative_totals, query: "select count(*) from public.orders where total &lt; 0" }
 * </pre>
 * Every check also takes {@code name} (default like {@code not_null(orders.id,customer_id)}; required for
 * {@code sql}) and {@code severity}: {@code fail} (the default: a written-down check is a guard) or
 * {@code warn}. Unknown keys are refused, so a typo such as {@code serverity} is caught at startup.
 *
 * <p>Safety: table and column names must be plain identifiers (optionally {@code schema.table}); they are
 * checked at parse time, looked up through JDBC metadata before use (so a missing one is a sentence, and the
 * case the database stored is the case quoted) and quoted per {@link org.camelbyte.poststep.Dialect}.
 * Values are bound parameters. The {@code sql} query is operator config, run as one statement (no
 * semicolons) in a read-only transaction.
 *
 * <p>Failures: a database problem never throws out of the runners; the table or check gets a result with the
 * reason. {@link org.camelbyte.poststep.PostSyncResult#failed()} is true when a {@code fail} check failed or
 * could not run, or a statistics statement failed; a skipped refresh (unknown dialect, table not there) is
 * not a failure.
 */
package org.camelbyte.poststep;
