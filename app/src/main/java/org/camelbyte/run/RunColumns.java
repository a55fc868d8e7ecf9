package org.camelbyte.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import java.util.function.ObjLongConsumer;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The columns of a run record, each named, bound and read in one place: the INSERT, the UPDATE and the row
 * mapper all walk this one table, so a column added to {@link Run} is added once.
 */
final class RunColumns {
    /** When a column is written: fixed when the run is recorded, changed later, or both. */
    private enum Written {
        /** Who and what the run is: recorded once, never updated. */
        ON_INSERT,
        /** Recorded with the run and kept up to date. */
        ALWAYS,
        /** Not known when a run is recorded (a new run has none), only updated. */
        ON_UPDATE
    }

    @FunctionalInterface
    private interface Bind {
        void bind(PreparedStatement ps, int index, Run run) throws SQLException;
    }

    @FunctionalInterface
    private interface Read {
        void read(ResultSet rs, String column, Run run) throws SQLException;
    }

    /** {@code placeholder}: the parameter as the statement writes it (a JSON column casts its text). */
    private record Column(String name, String placeholder, Written written, Bind bind, Read read) {}

    private static final TypeReference<Map<String, String>> RESULTS = new TypeReference<>() {};

    private final ObjectMapper json;
    private final List<Column> columns;
    /** The columns an INSERT and an UPDATE write, picked once: every write of every run binds them. */
    private final List<Column> insertedColumns;

    private final List<Column> updatedColumns;

    RunColumns(ObjectMapper json) {
        this.json = json;
        this.columns = List.of(
                text("run_id", Written.ON_INSERT, Run::getRunId, Run::setRunId),
                text("request_id", Written.ON_INSERT, Run::getRequestId, Run::setRequestId),
                text("pipeline", Written.ON_INSERT, Run::getPipeline, Run::setPipeline),
                text("connection_name", Written.ALWAYS, Run::getConnectionName, Run::setConnectionName),
                text("connection_id", Written.ALWAYS, Run::getConnectionId, Run::setConnectionId),
                id("job_id", Written.ALWAYS, Run::getJobId, Run::setJobId),
                text("job_type", Written.ON_INSERT, Run::getJobType, Run::setJobType),
                text("trigger", Written.ON_INSERT, Run::getTrigger, Run::setTrigger),
                column(
                        "held",
                        Written.ALWAYS,
                        (ps, i, run) -> ps.setBoolean(i, run.isHeld()),
                        (rs, c, run) -> run.setHeld(rs.getBoolean(c))),
                column(
                        "status",
                        Written.ALWAYS,
                        (ps, i, run) -> ps.setString(i, run.getStatus().wireName()),
                        (rs, c, run) -> run.setStatus(RunStatus.parse(rs.getString(c)))),
                text("job_status", Written.ALWAYS, Run::getJobStatus, Run::setJobStatus),
                time("started_at", Written.ON_INSERT, Run::getStartedAt, Run::setStartedAt),
                time("ended_at", Written.ALWAYS, Run::getEndedAt, Run::setEndedAt),
                total("rows_synced", Run::getRowsSynced, Run::setRowsSynced),
                total("bytes_synced", Run::getBytesSynced, Run::setBytesSynced),
                count("attempts", Run::getAttempts, Run::setAttempts),
                jsonColumn(
                        "post_sync",
                        Written.ALWAYS,
                        run -> run.getPostSync() == null
                                ? null
                                : run.getPostSync().toString(),
                        "unreadable post-sync results",
                        json::readTree,
                        Run::setPostSync),
                text("error", Written.ALWAYS, Run::getError, Run::setError),
                time("trigger_requested_at", Written.ALWAYS, Run::getTriggerRequestedAt, Run::setTriggerRequestedAt),
                time("trigger_posted_at", Written.ON_UPDATE, Run::getTriggerPostedAt, Run::setTriggerPostedAt),
                time("deadline", Written.ALWAYS, Run::getDeadline, Run::setDeadline),
                text("group_run_id", Written.ON_INSERT, Run::getGroupRunId, Run::setGroupRunId),
                time("job_status_since", Written.ALWAYS, Run::getJobStatusSince, Run::setJobStatusSince),
                time("progress_at", Written.ALWAYS, Run::getProgressAt, Run::setProgressAt),
                count("incomplete_attempts", Run::getIncompleteAttempts, Run::setIncompleteAttempts),
                id("baseline_job_id", Written.ON_UPDATE, Run::getBaselineJobId, Run::setBaselineJobId),
                jsonColumn(
                        "waiting",
                        Written.ON_UPDATE,
                        // a run that has ended waits for nothing
                        run -> waitingJson(run.isFinal() ? null : run.getWaiting()),
                        "an unreadable waiting note",
                        text -> json.readValue(text, RunWaiting.class),
                        Run::setWaiting),
                jsonColumn(
                        "results",
                        Written.ON_UPDATE,
                        run -> run.getResults() == null ? null : toJson(run.getResults()),
                        "unreadable step results",
                        text -> json.readValue(text, RESULTS),
                        Run::setResults),
                text("airbyte_instance", Written.ON_UPDATE, Run::getAirbyteInstance, Run::setAirbyteInstance));
        this.insertedColumns =
                columns.stream().filter(c -> c.written() != Written.ON_UPDATE).toList();
        this.updatedColumns =
                columns.stream().filter(c -> c.written() != Written.ON_INSERT).toList();
    }

    /** Every column, as a SELECT lists them. */
    String selected() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** The columns a new run is recorded with, as an INSERT lists them. */
    String inserted() {
        return insertedColumns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** The INSERT's parameters for {@link #inserted()}, in the same order. */
    String insertedPlaceholders() {
        return insertedColumns.stream().map(Column::placeholder).collect(Collectors.joining(","));
    }

    /** The {@code column=?} list of an UPDATE writing every column a run changes. */
    String updatedAssignments() {
        return updatedColumns.stream()
                .map(c -> c.name() + "=" + c.placeholder())
                .collect(Collectors.joining(", "));
    }

    /** Binds {@link #inserted()} from parameter 1; returns the next parameter index. */
    int bindInserted(PreparedStatement ps, Run run) throws SQLException {
        return bind(ps, run, insertedColumns);
    }

    /** Binds {@link #updatedAssignments()} from parameter 1; returns the next parameter index. */
    int bindUpdated(PreparedStatement ps, Run run) throws SQLException {
        return bind(ps, run, updatedColumns);
    }

    /** The row mapper: the run on the result set's current row, read by the columns of {@link #selected()}. */
    Run read(ResultSet rs) throws SQLException {
        Run run = new Run();
        for (Column column : columns) {
            column.read().read(rs, column.name(), run);
        }
        return run;
    }

    String waitingJson(RunWaiting waiting) {
        return waiting == null ? null : toJson(waiting);
    }

    String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "a " + value.getClass().getSimpleName() + " could not be written as JSON", e);
        }
    }

    private static int bind(PreparedStatement ps, Run run, List<Column> bound) throws SQLException {
        int i = 1;
        for (Column column : bound) {
            column.bind().bind(ps, i++, run);
        }
        return i;
    }

    private interface JsonReader<T> {
        T read(String text) throws IOException;
    }

    private static <T> T readJson(String text, Run run, String what, JsonReader<T> reader) {
        try {
            return reader.read(text);
        } catch (IOException e) {
            throw new RunStoreException("run " + run.getRunId() + " has " + what, e);
        }
    }

    /** A JSON column: written as text the statement casts, read back unless null. */
    private static <T> Column jsonColumn(
            String name,
            Written written,
            Function<Run, String> text,
            String unreadable,
            JsonReader<T> reader,
            BiConsumer<Run, T> setter) {
        return new Column(name, "?::jsonb", written, (ps, i, run) -> ps.setString(i, text.apply(run)), (rs, c, run) -> {
            String value = rs.getString(c);
            if (value != null) {
                setter.accept(run, readJson(value, run, unreadable, reader));
            }
        });
    }

    private static Column column(String name, Written written, Bind bind, Read read) {
        return new Column(name, "?", written, bind, read);
    }

    private static Column text(
            String name, Written written, Function<Run, String> getter, BiConsumer<Run, String> setter) {
        return column(
                name,
                written,
                (ps, i, run) -> ps.setString(i, getter.apply(run)),
                (rs, c, run) -> setter.accept(run, rs.getString(c)));
    }

    private static Column time(
            String name, Written written, Function<Run, Instant> getter, BiConsumer<Run, Instant> setter) {
        return column(
                name,
                written,
                (ps, i, run) -> ps.setTimestamp(i, ts(getter.apply(run))),
                (rs, c, run) -> setter.accept(run, instant(rs.getTimestamp(c))));
    }

    /** An Airbyte job id, or none. */
    private static Column id(String name, Written written, Function<Run, Long> getter, BiConsumer<Run, Long> setter) {
        return column(name, written, (ps, i, run) -> setLong(ps, i, getter.apply(run)), (rs, c, run) -> {
            long value = rs.getLong(c);
            setter.accept(run, rs.wasNull() ? null : value);
        });
    }

    /** A count of rows or bytes, kept up to date. */
    private static Column total(String name, ToLongFunction<Run> getter, ObjLongConsumer<Run> setter) {
        return column(
                name,
                Written.ALWAYS,
                (ps, i, run) -> ps.setLong(i, getter.applyAsLong(run)),
                (rs, c, run) -> setter.accept(run, rs.getLong(c)));
    }

    /** A count of attempts, kept up to date. */
    private static Column count(String name, ToIntFunction<Run> getter, ObjIntConsumer<Run> setter) {
        return column(
                name,
                Written.ALWAYS,
                (ps, i, run) -> ps.setInt(i, getter.applyAsInt(run)),
                (rs, c, run) -> setter.accept(run, rs.getInt(c)));
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
