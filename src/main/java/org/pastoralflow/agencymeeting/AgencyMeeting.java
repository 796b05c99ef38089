package org.pastoralflow.agencymeeting;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** One meeting of a series as it was recorded: when, who was invited and who came, the minutes. */
@Entity
public class AgencyMeeting {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agency_meeting_seq")
    @SequenceGenerator(name = "agency_meeting_seq", sequenceName = "agency_meeting_seq", allocationSize = 50)
    private Long id;
    private Long seriesId;
    private LocalDate heldOn;
    private String invited;
    private String attended;
    private String minutes;
    private String recordedBy;
    private Instant recordedAt;

    protected AgencyMeeting() {
    }

    AgencyMeeting(Long seriesId, LocalDate heldOn, String invited, String attended, String minutes, String recordedBy, Instant recordedAt) {
        this.seriesId = seriesId;
        this.heldOn = heldOn;
        this.invited = invited;
        this.attended = attended;
        this.minutes = minutes;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getSeriesId() {
        return seriesId;
    }

    public LocalDate getHeldOn() {
        return heldOn;
    }

    public String getInvited() {
        return invited;
    }

    public String getAttended() {
        return attended;
    }

    public String getMinutes() {
        return minutes;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
