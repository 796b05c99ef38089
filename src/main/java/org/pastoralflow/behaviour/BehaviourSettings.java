package org.pastoralflow.behaviour;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a school sets for its behaviour policy ({@code pastoral.behaviour.*}, docs/adr/0022): the
 * categories staff log with and the points each carries (negative for behaviour, positive for
 * achievement), the achievement milestones that earn a certificate in a school year, and how many
 * students one quick log may name. The weekly threshold that raises a Head of Year's follow-up is
 * drawn in processes/behaviour-thresholds.dmn; the half-term one is an early-intervention rule
 * ({@code pastoral.early-intervention.behaviour}).
 *
 * <p>A bean with setters, not a record: the school's own values (the settings page) are bound into
 * this one instance while the application runs (docs/adr/0031), so every reader sees them at use.
 */
@ConfigurationProperties("pastoral.behaviour")
public class BehaviourSettings implements InitializingBean {

    /**
     * One category: a code kept in the log, the words staff see, its points, and the kind of
     * incident it becomes when a serious one is turned into an investigation.
     */
    public record Category(String code, String label, Integer points, String incidentType) {

        public boolean achievement() {
            return points > 0;
        }

        /** "Disruption (−1)", "Homework (+1)": the sign as people write it. */
        public String labelWithPoints() {
            return label + " (" + signed(points) + ")";
        }
    }

    static final List<Category> DEFAULT_CATEGORIES = List.of(
            new Category("disruption", "Disruption to learning", -1, null),
            new Category("no-homework", "Homework not done", -1, null),
            new Category("no-equipment", "No equipment", -1, null),
            new Category("lateness", "Late to lesson", -1, null),
            new Category("defiance", "Refusal to follow instructions", -2, null),
            new Category("rudeness", "Rudeness to staff", -2, null),
            new Category("unkind", "Unkind words to another student", -2, "bullying"),
            new Category("fighting", "Fighting", -5, "fight"),
            new Category("damage", "Damage to property", -3, "damage"),
            new Category("homework", "Homework", 1, null),
            new Category("effort", "Excellent effort", 2, null),
            new Category("work", "Outstanding work", 3, null),
            new Category("helping", "Helping others", 2, null),
            new Category("community", "Contribution to school life", 5, null));

    private volatile List<Category> categories = DEFAULT_CATEGORIES;
    private volatile List<Integer> milestones = List.of(50, 100, 200);
    private volatile int maxStudents = 60;
    private volatile int schoolYearStartMonth = 9;

    public List<Category> categories() {
        return categories;
    }

    public void setCategories(List<Category> categories) {
        this.categories = categories == null || categories.isEmpty() ? DEFAULT_CATEGORIES : List.copyOf(categories);
    }

    public List<Integer> milestones() {
        return milestones;
    }

    public void setMilestones(List<Integer> milestones) {
        this.milestones = milestones == null || milestones.isEmpty() ? List.of(50, 100, 200) : milestones.stream().sorted().toList();
    }

    public int maxStudents() {
        return maxStudents;
    }

    public void setMaxStudents(int maxStudents) {
        this.maxStudents = maxStudents;
    }

    public int schoolYearStartMonth() {
        return schoolYearStartMonth;
    }

    public void setSchoolYearStartMonth(int schoolYearStartMonth) {
        this.schoolYearStartMonth = schoolYearStartMonth;
    }

    /** Checked once bound, at start-up and before the school's own values are taken (settings.LiveSettings). */
    @Override
    public void afterPropertiesSet() {
        for (Category c : categories) {
            if (c.code() == null || !c.code().matches("[a-z0-9-]{1,40}") || c.label() == null || c.points() == null || c.points() == 0) {
                throw new IllegalStateException("pastoral.behaviour.categories: each needs a code (a-z, 0-9, -), a label and "
                        + "points other than 0 (negative for behaviour, positive for achievement): " + c);
            }
        }
        if (categories.stream().map(Category::code).distinct().count() != categories.size()) {
            throw new IllegalStateException("pastoral.behaviour.categories: each code once");
        }
        if (milestones.stream().anyMatch(m -> m <= 0)) {
            throw new IllegalStateException("pastoral.behaviour.milestones must be positive: " + milestones);
        }
    }

    public Optional<Category> category(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** Codes and labels with their points, behaviour first, for a choice list. */
    public Map<String, String> options(boolean achievement) {
        Map<String, String> options = new LinkedHashMap<>();
        categories.stream().filter(c -> c.achievement() == achievement).forEach(c -> options.put(c.code(), c.labelWithPoints()));
        return options;
    }

    static String signed(int points) {
        return points > 0 ? "+" + points : "\u2212" + (-points);
    }
}
