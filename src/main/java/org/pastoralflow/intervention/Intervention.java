package org.pastoralflow.intervention;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/**
 * One entry of the school's intervention catalogue: what it is, whether it is run 1:1 or as a group,
 * how long a session lasts and how many a run usually has, who runs it, what it costs (per session or
 * per hour, in pence) and the scale its impact is measured on. Support plans name the same codes.
 */
@Entity
public class Intervention {

    public static final String ONE = "ONE";
    public static final String GROUP = "GROUP";
    public static final String PER_SESSION = "SESSION";
    public static final String PER_HOUR = "HOUR";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "intervention_seq")
    @SequenceGenerator(name = "intervention_seq", sequenceName = "intervention_seq", allocationSize = 50)
    private Long id;
    private String code;
    private String name;
    private String kind;
    private int sessionMinutes;
    private int typicalSessions;
    private String staff;
    private int costPence;
    private String costPer;
    private String scale;
    private boolean active;

    protected Intervention() {
    }

    Intervention(String code) {
        this.code = code;
        this.active = true;
    }

    void update(String name, String kind, int sessionMinutes, int typicalSessions, String staff, int costPence, String costPer,
                String scale, boolean active) {
        this.name = name;
        this.kind = kind;
        this.sessionMinutes = sessionMinutes;
        this.typicalSessions = typicalSessions;
        this.staff = staff;
        this.costPence = costPence;
        this.costPer = costPer;
        this.scale = scale;
        this.active = active;
    }

    /** The cost of one session attended, in pence: per session as it is, per hour by the session's length. */
    public long sessionCostPence() {
        return PER_HOUR.equals(costPer) ? Math.round(costPence * sessionMinutes / 60.0) : costPence;
    }

    public boolean isOneToOne() {
        return ONE.equals(kind);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getKind() {
        return kind;
    }

    public int getSessionMinutes() {
        return sessionMinutes;
    }

    public int getTypicalSessions() {
        return typicalSessions;
    }

    public String getStaff() {
        return staff;
    }

    public int getCostPence() {
        return costPence;
    }

    public String getCostPer() {
        return costPer;
    }

    public String getScale() {
        return scale;
    }

    public boolean isActive() {
        return active;
    }
}
