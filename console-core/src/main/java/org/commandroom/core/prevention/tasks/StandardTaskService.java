package org.commandroom.core.prevention.tasks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDao;
import org.commandroom.core.dispatch.OrderDraft;
import org.commandroom.core.dispatch.OrderEventType;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.text.Text;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Standard tasks in the closed loop (docs/PREVENTION.md): issuing one to a police grid creates a STANDARD_TASK order
 * to the grid's community officer (the station when the grid has none) through the order service, with the task's time
 * limit as its feedback deadline, its standard in the summary and trail, and the feedback items it requires kept with
 * the order; a campaign sends one task to many grids in one action (one order per grid, one transaction) and is
 * followed by its progress. Feedback through {@link #feedback} must answer every required item or is refused.
 *
 * <p>Issuing, campaigns and feedback need {@link Permission#ORDERS} (the wall and a trainee on live data hold none).
 */
public final class StandardTaskService {

    private static final Logger LOG = LoggerFactory.getLogger(StandardTaskService.class);
    /** The longest answer to one feedback item. */
    public static final int MAX_ANSWER = 200;

    private final Jdbi jdbi;
    private final Clock clock;
    private final OrderService orders;
    private final StandardTaskLibrary library;
    private final AccessGuard guard;

    public StandardTaskService(Jdbi jdbi, Clock clock, OrderService orders, StandardTaskLibrary library, AccessGuard guard) {
        this.jdbi = Objects.requireNonNull(jdbi);
        this.clock = Objects.requireNonNull(clock);
        this.orders = Objects.requireNonNull(orders);
        this.library = Objects.requireNonNull(library);
        this.guard = Objects.requireNonNull(guard);
    }

    public StandardTaskLibrary library() {
        return library;
    }

    /** A police grid a task can go to, with its station and community officer (null: none named). */
    public record Grid(long id, String code, String name, long stationId, String stationName, Long officerId,
                       String officerName) {
    }

    /** Refused: a feedback that leaves required items unanswered, or a request that cannot be issued. */
    public static final class Refused extends IllegalArgumentException {
        private final transient Text reason;

        public Refused(Text reason) {
            super(reason.english());
            this.reason = reason;
        }

        /** What is wrong, to say in the user's language. */
        public Text reason() {
            return reason;
        }
    }

    /** Every police grid, by station and grid code. */
    public List<Grid> grids() {
        return jdbi.withHandle(h -> h.createQuery("SELECT g.id, g.code, g.name, g.station_id, s.name AS station_name, "
                        + "g.officer_id, o.name AS officer_name FROM police_grid g JOIN station s ON s.id = g.station_id "
                        + "LEFT JOIN officer o ON o.id = g.officer_id AND o.retired_at IS NULL ORDER BY s.code, g.code")
                .map((rs, ctx) -> new Grid(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getLong("station_id"), rs.getString("station_name"),
                        rs.getString("officer_name") == null ? null : rs.getLong("officer_id"), rs.getString("officer_name")))
                .list());
    }

    /** Issues {@code code} to one grid: one order, its deadline the task's time limit from now. */
    public Order issue(String code, long gridId, String actor) {
        guard.require(Permission.ORDERS, "STANDARD_TASK_ISSUE", "STANDARD_TASK", null);
        LibraryTask task = activeTask(code);
        return jdbi.inTransaction(h -> {
            Order o = issue(h, task, grid(h, gridId), null, actor);
            guard.audit(h, clock.instant(), actor, "STANDARD_TASK_ISSUE", "ORDER", o.id(), o.orderNo() + " " + task.code()
                    + " " + task.titleZh());
            return o;
        });
    }

    /** A campaign started: its id and its orders, one per grid, in the order the grids were given. */
    public record Campaign(long id, String taskCode, Instant feedbackDeadline, List<Order> orders) {
    }

    /**
     * Sends {@code code} to every grid of {@code gridIds} in one action and one transaction (all or nothing).
     *
     * @throws Refused when no grid is given or a grid is unknown; nothing written
     */
    public Campaign campaign(String code, List<Long> gridIds, String actor) {
        guard.require(Permission.ORDERS, "STANDARD_TASK_CAMPAIGN", "STANDARD_TASK", null);
        LibraryTask task = activeTask(code);
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(gridIds));
        if (ids.isEmpty()) {
            throw new Refused(Text.of("core.stdtask.campaign.noGrid"));
        }
        Campaign c = jdbi.inTransaction(h -> {
            Instant now = clock.instant();
            Instant deadline = now.plus(task.timeLimit());
            List<Grid> grids = new ArrayList<>();
            for (long id : ids) {
                grids.add(grid(h, id));
            }
            long campaignId = h.createUpdate("INSERT INTO task_campaign (task_code, started_at, started_by, "
                            + "feedback_deadline, grid_count) VALUES (:c, :at, :by, :dl, :n)")
                    .bind("c", task.code()).bind("at", now).bind("by", cut(actor, 64)).bind("dl", deadline)
                    .bind("n", grids.size()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            List<Order> out = new ArrayList<>();
            for (Grid g : grids) {
                out.add(issue(h, task, g, campaignId, actor));
            }
            guard.audit(h, now, actor, "STANDARD_TASK_CAMPAIGN", "STANDARD_TASK", null, "campaign " + campaignId + " "
                    + task.code() + " " + task.titleZh() + " to " + grids.size() + " grids");
            return new Campaign(campaignId, task.code(), deadline, List.copyOf(out));
        });
        LOG.info("Campaign {} of {} sent to {} grids", c.id(), c.taskCode(), c.orders().size());
        return c;
    }

    private LibraryTask activeTask(String code) {
        LibraryTask task = library.find(code).orElseThrow(() -> new Refused(Text.of("core.stdtask.unknown", code)));
        if (!task.active()) {
            throw new Refused(Text.of("core.stdtask.retired", code));
        }
        return task;
    }

    private static Grid grid(Handle h, long gridId) {
        return h.createQuery("SELECT g.id, g.code, g.name, g.station_id, s.name AS station_name, g.officer_id, "
                        + "o.name AS officer_name FROM police_grid g JOIN station s ON s.id = g.station_id "
                        + "LEFT JOIN officer o ON o.id = g.officer_id AND o.retired_at IS NULL WHERE g.id = :g")
                .bind("g", gridId)
                .map((rs, ctx) -> new Grid(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getLong("station_id"), rs.getString("station_name"),
                        rs.getString("officer_name") == null ? null : rs.getLong("officer_id"), rs.getString("officer_name")))
                .findOne().orElseThrow(() -> new Refused(Text.of("core.stdtask.noGrid", gridId)));
    }

    private Order issue(Handle h, LibraryTask task, Grid grid, Long campaignId, String actor) {
        String summary = cut("标准件 " + task.code() + " " + task.titleZh() + "｜警格：" + grid.name() + "｜牵头："
                + task.leadDepartment() + "｜办结标准：" + task.completion() + "｜时限：" + task.timeLimitZh(), 500);
        OrderDraft draft = new OrderDraft(OrderKind.STANDARD_TASK, null, null, grid.stationId(), null, grid.officerId(),
                summary, null);
        Order o = orders.create(h, draft, actor);
        orders.issue(h, o.id(), draft, actor, task.timeLimit());
        h.attach(OrderDao.class).appendEvent(o.id(), clock.instant(), actor, OrderEventType.NOTE, standardText(task));
        h.createUpdate("INSERT INTO standard_task_order (order_id, task_code, campaign_id, police_grid_id, required_items) "
                        + "VALUES (:o, :t, :c, :g, :i)")
                .bind("o", o.id()).bind("t", task.code()).bind("c", campaignId).bind("g", grid.id())
                .bind("i", String.join("\n", task.feedbackItems())).execute();
        return h.attach(OrderDao.class).findById(o.id()).orElseThrow();
    }

    /** The task's standard as the order's trail keeps it: basis, measures, standard, limit and the items to answer. */
    static String standardText(LibraryTask t) {
        StringBuilder b = new StringBuilder("标准件 ").append(t.code()).append(' ').append(t.titleZh())
                .append("。依据：").append(t.basis()).append("；措施：").append(t.measures()).append("；办结标准：")
                .append(t.completion()).append("；时限：").append(t.timeLimitZh()).append("；反馈须填写：");
        for (int i = 0; i < t.feedbackItems().size(); i++) {
            b.append(i == 0 ? "" : "、").append(t.feedbackItems().get(i));
        }
        return cut(b.toString(), 2000);
    }

    /** The items an order's feedback must answer, if it was issued from a standard task. */
    public Optional<List<String>> requiredItems(long orderId) {
        return jdbi.withHandle(h -> requiredItems(h, orderId));
    }

    private static Optional<List<String>> requiredItems(Handle h, long orderId) {
        return h.createQuery("SELECT required_items FROM standard_task_order WHERE order_id = :o").bind("o", orderId)
                .mapTo(String.class).findOne().map(StandardTaskSheet::items);
    }

    /**
     * Records the feedback of a standard-task order: every required item answered, recorded in the trail as
     * {@code 项目：回答；…}, then the note.
     *
     * @param answers by item, as {@link #requiredItems} names them
     * @return false if the order was not waiting for feedback (not signed for, or fed back already)
     * @throws Refused naming the items left unanswered, or an answer too long; nothing written
     */
    public boolean feedback(long orderId, Map<String, String> answers, String note, String actor) {
        guard.require(Permission.ORDERS, "ORDER_FEEDBACK", "ORDER", orderId);
        return jdbi.inTransaction(h -> {
            List<String> required = requiredItems(h, orderId)
                    .orElseThrow(() -> new Refused(Text.of("core.stdtask.notStandard", orderId)));
            List<String> missing = new ArrayList<>();
            Map<String, String> given = new LinkedHashMap<>();
            for (String item : required) {
                String a = answers.get(item);
                if (a == null || a.isBlank()) {
                    missing.add(item);
                } else if (a.strip().length() > MAX_ANSWER) {
                    throw new Refused(Text.of("core.stdtask.feedback.long", item, MAX_ANSWER));
                } else {
                    given.put(item, a.strip().replaceAll("\\s+", " "));
                }
            }
            if (!missing.isEmpty()) {
                throw new Refused(Text.of("core.stdtask.feedback.missing", String.join("、", missing)));
            }
            StringBuilder b = new StringBuilder();
            given.forEach((k, v) -> b.append(k).append('：').append(v).append('；'));
            if (note != null && !note.isBlank()) {
                b.append("备注：").append(note.strip());
            }
            return orders.feedback(h, orderId, actor, cut(b.toString(), 2000));
        });
    }

    /** Where a campaign stands: its orders signed for, fed back, closed, and overdue (no feedback by the deadline). */
    public record Progress(long campaignId, String taskCode, String titleZh, String titleEn, Instant startedAt,
                           Instant feedbackDeadline, int total, int signed, int fedBack, int closed, int overdue,
                           List<Line> lines) {
    }

    /** One order of a campaign. */
    public record Line(long orderId, String orderNo, String grid, String station, String officer, String status,
                       Instant signedAt, Instant fedBackAt, boolean overdue) {
    }

    /** The campaigns, newest first, each with its progress now. */
    public List<Progress> campaigns() {
        List<Long> ids = jdbi.withHandle(h -> h.createQuery("SELECT id FROM task_campaign ORDER BY started_at DESC, id DESC")
                .mapTo(Long.class).list());
        List<Progress> out = new ArrayList<>();
        for (long id : ids) {
            progress(id).ifPresent(out::add);
        }
        return out;
    }

    /** A campaign's progress at the service clock's now. */
    public Optional<Progress> progress(long campaignId) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> {
            Optional<Progress> head = h.createQuery("SELECT c.task_code, t.title_zh, t.title_en, c.started_at, "
                            + "c.feedback_deadline FROM task_campaign c JOIN standard_task t ON t.code = c.task_code "
                            + "WHERE c.id = :c")
                    .bind("c", campaignId)
                    .map((rs, ctx) -> new Progress(campaignId, rs.getString(1), rs.getString(2), rs.getString(3),
                            instant(rs, 4), instant(rs, 5), 0, 0, 0, 0, 0, List.of()))
                    .findOne();
            if (head.isEmpty()) {
                return Optional.<Progress>empty();
            }
            List<Line> lines = h.createQuery("SELECT w.id, w.order_no, g.name AS grid, s.name AS station, o.name AS officer, "
                            + "w.status, w.signed_at, w.fed_back_at, w.feedback_deadline FROM standard_task_order x "
                            + "JOIN work_order w ON w.id = x.order_id JOIN station s ON s.id = w.station_id "
                            + "LEFT JOIN police_grid g ON g.id = x.police_grid_id "
                            + "LEFT JOIN officer o ON o.id = w.assignee_officer_id "
                            + "WHERE x.campaign_id = :c ORDER BY s.code, g.code, w.id")
                    .bind("c", campaignId)
                    .map((rs, ctx) -> {
                        Instant signed = instant(rs, 7);
                        Instant fed = instant(rs, 8);
                        Instant dl = instant(rs, 9);
                        String status = rs.getString("status");
                        boolean overdue = fed == null && !"CLOSED".equals(status) && dl != null && now.isAfter(dl);
                        return new Line(rs.getLong("id"), rs.getString("order_no"), rs.getString("grid"),
                                rs.getString("station"), rs.getString("officer"), status, signed, fed, overdue);
                    }).list();
            Progress p = head.get();
            int signed = (int) lines.stream().filter(l -> l.signedAt() != null).count();
            int fed = (int) lines.stream().filter(l -> l.fedBackAt() != null).count();
            int closed = (int) lines.stream().filter(l -> "CLOSED".equals(l.status())).count();
            int overdue = (int) lines.stream().filter(Line::overdue).count();
            return Optional.of(new Progress(campaignId, p.taskCode(), p.titleZh(), p.titleEn(), p.startedAt(),
                    p.feedbackDeadline(), lines.size(), signed, fed, closed, overdue, List.copyOf(lines)));
        });
    }

    private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
