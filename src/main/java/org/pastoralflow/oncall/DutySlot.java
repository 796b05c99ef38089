package org.pastoralflow.oncall;

import java.time.DayOfWeek;
import java.time.LocalTime;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One line of the duty rota: who is on call on which weekday, from when to when. */
@Entity
@Table(name = "duty_rota")
public class DutySlot {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "duty_rota_seq")
    @SequenceGenerator(name = "duty_rota_seq", sequenceName = "duty_rota_seq", allocationSize = 50)
    private Long id;
    private String userId;
    private int weekday;
    private LocalTime startsAt;
    private LocalTime endsAt;

    protected DutySlot() {
    }

    DutySlot(String userId, DayOfWeek weekday, LocalTime startsAt, LocalTime endsAt) {
        this.userId = userId;
        this.weekday = weekday.getValue();
        this.startsAt = startsAt;
        this.endsAt = endsAt;
    }

    boolean covers(DayOfWeek day, LocalTime time) {
        return weekday == day.getValue() && !time.isBefore(startsAt) && time.isBefore(endsAt);
    }

    public Long getId() {
        return id;
    }

    public String getUserId() {
        return userId;
    }

    public DayOfWeek getDay() {
        return DayOfWeek.of(weekday);
    }

    public LocalTime getStartsAt() {
        return startsAt;
    }

    public LocalTime getEndsAt() {
        return endsAt;
    }
}
