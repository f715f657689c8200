package io.sitelens.storage.jdbc.internal;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.IdentityType;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.BehaviourEvent;
import io.sitelens.spi.storage.BehaviourStore;
import io.sitelens.spi.storage.VisitSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The collector's events and visits (tables {@code behaviour_events}, {@code behaviour_sessions}). No column
 * holds an IP address or a user-agent string. A session is replaced by delete-and-insert in the transaction that
 * appends its new events, so a batch is stored whole or not at all.
 */
public final class JdbcBehaviourStore implements BehaviourStore {
    private static final String EVENT_COLUMNS = "occurred_at, session_id, visitor_id, cookie_id, event_kind, page,"
            + " css_selector, form_id, pos_x, pos_y, viewport_w, viewport_h, event_value";
    private static final String SESSION_COLUMNS = "session_id, visitor_id, cookie_id, started_at, last_seen,"
            + " page_views, engaged_ms, entry_page, referrer, browser, os, device_brand, device_class, country, city,"
            + " time_zone, lang, screen, returning_visitor";

    private final Database db;

    public JdbcBehaviourStore(Database db) {
        this.db = requireNonNull(db, "db");
    }

    @Override
    public void record(ProjectKey project, VisitSession s, List<BehaviourEvent> events) {
        requireNonNull(project, "project");
        requireNonNull(s, "session");
        List<BehaviourEvent> copy = List.copyOf(events);
        db.transaction("record behaviour of project " + project, c -> {
            try (PreparedStatement del = c.prepareStatement(
                    "DELETE FROM behaviour_sessions WHERE tenant_id = ? AND project_id = ? AND session_id = ?")) {
                del.setString(1, project.tenant().value());
                del.setString(2, project.project().value());
                del.setString(3, s.sessionId());
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO behaviour_sessions (tenant_id, project_id, "
                    + SESSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, project.tenant().value());
                ps.setString(2, project.project().value());
                ps.setString(3, s.sessionId());
                ps.setString(4, s.visitorId());
                Columns.setString(ps, 5, s.cookieId());
                Columns.setInstant(ps, 6, s.start());
                Columns.setInstant(ps, 7, s.lastSeen());
                ps.setInt(8, s.pageViews());
                ps.setLong(9, s.engagedMillis());
                ps.setString(10, s.entryPage());
                Columns.setString(ps, 11, s.referrer());
                Columns.setString(ps, 12, s.browser());
                Columns.setString(ps, 13, s.os());
                Columns.setString(ps, 14, s.deviceBrand());
                Columns.setString(ps, 15, s.deviceClass());
                Columns.setString(ps, 16, s.country());
                Columns.setString(ps, 17, s.city());
                Columns.setString(ps, 18, s.timeZone());
                Columns.setString(ps, 19, s.language());
                Columns.setString(ps, 20, s.screen());
                ps.setBoolean(21, s.returning());
                ps.executeUpdate();
            }
            if (!copy.isEmpty()) {
                insertEvents(c, project, copy);
            }
            return null;
        });
    }

    private static void insertEvents(Connection c, ProjectKey project, List<BehaviourEvent> events)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO behaviour_events (tenant_id, project_id, "
                + EVENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (BehaviourEvent e : events) {
                ps.setString(1, project.tenant().value());
                ps.setString(2, project.project().value());
                Columns.setInstant(ps, 3, e.at());
                ps.setString(4, e.sessionId());
                ps.setString(5, e.visitorId());
                Columns.setString(ps, 6, e.cookieId());
                ps.setString(7, e.kind().name());
                ps.setString(8, e.page());
                Columns.setString(ps, 9, e.selector());
                Columns.setString(ps, 10, e.formId());
                ps.setInt(11, e.x());
                ps.setInt(12, e.y());
                ps.setInt(13, e.viewportWidth());
                ps.setInt(14, e.viewportHeight());
                ps.setDouble(15, e.value());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public List<BehaviourEvent> events(ProjectKey project, Instant from, Instant to, int limit) {
        int max = Math.max(0, Math.min(limit, MAX_LIST));
        return db.read("read behaviour events of project " + project, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + EVENT_COLUMNS + " FROM behaviour_events"
                    + " WHERE tenant_id = ? AND project_id = ? AND occurred_at >= ? AND occurred_at < ?"
                    + " ORDER BY occurred_at, event_id LIMIT ?")) {
                ps.setString(1, project.tenant().value());
                ps.setString(2, project.project().value());
                Columns.setInstant(ps, 3, from);
                Columns.setInstant(ps, 4, to);
                ps.setInt(5, max);
                return readEvents(ps);
            }
        });
    }

    @Override
    public List<VisitSession> sessions(ProjectKey project, Instant from, Instant to, int limit) {
        int max = Math.max(0, Math.min(limit, MAX_LIST));
        return db.read("read visits of project " + project, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SESSION_COLUMNS + " FROM behaviour_sessions"
                    + " WHERE tenant_id = ? AND project_id = ? AND started_at >= ? AND started_at < ?"
                    + " ORDER BY started_at, session_id LIMIT ?")) {
                ps.setString(1, project.tenant().value());
                ps.setString(2, project.project().value());
                Columns.setInstant(ps, 3, from);
                Columns.setInstant(ps, 4, to);
                ps.setInt(5, max);
                return readSessions(ps);
            }
        });
    }

    @Override
    public List<BehaviourEvent> eventsOf(TenantId tenant, SubjectIdentity visitor) {
        String column = column(visitor);
        return db.read("read a visitor's behaviour events in tenant " + tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + EVENT_COLUMNS + " FROM behaviour_events"
                    + " WHERE tenant_id = ? AND " + column + " = ? ORDER BY occurred_at, event_id")) {
                ps.setString(1, tenant.value());
                ps.setString(2, visitor.value());
                return readEvents(ps);
            }
        });
    }

    @Override
    public List<VisitSession> sessionsOf(TenantId tenant, SubjectIdentity visitor) {
        String column = column(visitor);
        return db.read("read a visitor's visits in tenant " + tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SESSION_COLUMNS + " FROM behaviour_sessions"
                    + " WHERE tenant_id = ? AND " + column + " = ? ORDER BY started_at, session_id")) {
                ps.setString(1, tenant.value());
                ps.setString(2, visitor.value());
                return readSessions(ps);
            }
        });
    }

    @Override
    public long erase(TenantId tenant, SubjectIdentity visitor) {
        String column = column(visitor);
        return db.transaction("erase a visitor's behaviour data in tenant " + tenant, c -> {
            long n = 0;
            for (String table : List.of("behaviour_events", "behaviour_sessions")) {
                try (PreparedStatement ps =
                        c.prepareStatement("DELETE FROM " + table + " WHERE tenant_id = ? AND " + column + " = ?")) {
                    ps.setString(1, tenant.value());
                    ps.setString(2, visitor.value());
                    n += ps.executeUpdate();
                }
            }
            return n;
        });
    }

    @Override
    public long purgeEventsBefore(TenantId tenant, Instant before) {
        return db.transaction("purge behaviour data of tenant " + tenant, c -> {
            long n = 0;
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM behaviour_events WHERE tenant_id = ? AND occurred_at < ?")) {
                ps.setString(1, tenant.value());
                Columns.setInstant(ps, 2, before);
                n += ps.executeUpdate();
            }
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM behaviour_sessions WHERE tenant_id = ? AND last_seen < ?")) {
                ps.setString(1, tenant.value());
                Columns.setInstant(ps, 2, before);
                n += ps.executeUpdate();
            }
            return n;
        });
    }

    private static String column(SubjectIdentity visitor) {
        if (visitor.type() == IdentityType.VISITOR) {
            return "visitor_id";
        }
        if (visitor.type() == IdentityType.COOKIE) {
            return "cookie_id";
        }
        throw new IllegalArgumentException("behaviour data is kept by visitor or cookie id, not by "
                + visitor.type().prefix());
    }

    private static List<BehaviourEvent> readEvents(PreparedStatement ps) throws SQLException {
        List<BehaviourEvent> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new BehaviourEvent(
                        requireNonNull(Columns.instant(rs, "occurred_at")),
                        rs.getString("session_id"),
                        rs.getString("visitor_id"),
                        rs.getString("cookie_id"),
                        BehaviourEvent.Kind.valueOf(rs.getString("event_kind")),
                        rs.getString("page"),
                        rs.getString("css_selector"),
                        rs.getString("form_id"),
                        rs.getInt("pos_x"),
                        rs.getInt("pos_y"),
                        rs.getInt("viewport_w"),
                        rs.getInt("viewport_h"),
                        rs.getDouble("event_value")));
            }
        }
        return List.copyOf(out);
    }

    private static List<VisitSession> readSessions(PreparedStatement ps) throws SQLException {
        List<VisitSession> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new VisitSession(
                        rs.getString("session_id"),
                        rs.getString("visitor_id"),
                        rs.getString("cookie_id"),
                        requireNonNull(Columns.instant(rs, "started_at")),
                        requireNonNull(Columns.instant(rs, "last_seen")),
                        rs.getInt("page_views"),
                        rs.getLong("engaged_ms"),
                        rs.getString("entry_page"),
                        rs.getString("referrer"),
                        rs.getString("browser"),
                        rs.getString("os"),
                        rs.getString("device_brand"),
                        rs.getString("device_class"),
                        rs.getString("country"),
                        rs.getString("city"),
                        rs.getString("time_zone"),
                        rs.getString("lang"),
                        rs.getString("screen"),
                        rs.getBoolean("returning_visitor")));
            }
        }
        return List.copyOf(out);
    }
}
