package org.camelbyte.poststep;

import java.util.List;
import java.util.Map;

/** Check results together with the row counts the checks observed along the way. */
record CheckRun(List<CheckResult> results, Map<String, Long> rowCounts) {}
