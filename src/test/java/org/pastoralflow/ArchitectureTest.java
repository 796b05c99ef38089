package org.pastoralflow;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.pastoralflow.workflow.SchoolClock;

/**
 * Keeps the shape the style guide asks for from drifting, and checks what docs/architecture.md
 * says of it: the engine behind one adapter, a ground floor that depends on no feature, no cycles
 * between packages, and the app shell and the demo on top where nothing imports them.
 */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.pastoralflow");

    /** The shared core every feature may use; it uses no feature. */
    static final String[] GROUND_FLOOR = {"org.pastoralflow.security..", "org.pastoralflow.forms..", "org.pastoralflow.documents..",
            "org.pastoralflow.audit..", "org.pastoralflow.casefile..", "org.pastoralflow.student..", "org.pastoralflow.notification..",
            "org.pastoralflow.workflow..", "org.pastoralflow.measure..", "org.pastoralflow.settings.."};

    static final String[] FEATURES = {"org.pastoralflow.referral..", "org.pastoralflow.supportplan..", "org.pastoralflow.investigation..",
            "org.pastoralflow.mediation..", "org.pastoralflow.suspension..", "org.pastoralflow.transition..", "org.pastoralflow.attendance..", "org.pastoralflow.oncall..",
            "org.pastoralflow.retention..", "org.pastoralflow.reporting..", "org.pastoralflow.subjectaccess..", "org.pastoralflow.staff..",
            "org.pastoralflow.signin..", "org.pastoralflow.reportcard..",
            "org.pastoralflow.behaviour..", "org.pastoralflow.removal..", "org.pastoralflow.family..", "org.pastoralflow.send..",
            "org.pastoralflow.homevisit..", "org.pastoralflow.services..", "org.pastoralflow.agencymeeting..",
            "org.pastoralflow.intervention..", "org.pastoralflow.letters.."};

    @Test
    void onlyTheWorkflowAdapterTheDelegatesAndTheWebappBridgeUseCamunda() {
        noClasses().that().resideOutsideOfPackages("org.pastoralflow.workflow..", "org.pastoralflow..process..",
                        "org.pastoralflow.security.webapps..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("engine calls go through the workflow adapter, so moving to a Camunda 7 fork (Operaton) stays mechanical")
                .check(CLASSES);
    }

    @Test
    void onlyTheWebappBridgeTouchesTheWebappsAndTheEngineAuthorizations() {
        noClasses().that().resideOutsideOfPackage("..security.webapps..")
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda.bpm.webapp..", "org.camunda.bpm.engine.rest..",
                        "org.camunda.bpm.engine.authorization..", "org.camunda.bpm.engine.impl.cfg.auth..")
                .because("what an administrator may do in Cockpit and Admin is decided in one place (security.webapps)")
                .check(CLASSES);
    }

    @Test
    void theApplicationNeverTellsTheEngineWhoIsAsking() {
        noClasses().should().callMethodWhere(target(nameMatching("setAuthenticatedUserId|setAuthentication"))
                        .and(target(owner(assignableTo(IdentityService.class)))))
                .because("engine authorizations bind only the Camunda webapps (docs/security.md): an engine user set by the "
                        + "application would put its own calls under the administrators' grants")
                .check(CLASSES);
    }

    @Test
    void theChronologyIsReadAndWrittenOnlyThroughTheCaseStore() {
        noClasses().that().resideOutsideOfPackage("..casefile..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.pastoralflow.casefile.ChronologyRepository")
                .because("the case store filters by the access policy and audits views of safeguarding entries")
                .check(CLASSES);
    }

    @Test
    void theGroundFloorDependsOnNoFeature() {
        noClasses().that().resideInAnyPackage(GROUND_FLOOR)
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .check(CLASSES);
    }

    @Test
    void nothingDependsOnTheAppShellOrTheDemo() {
        noClasses().that().resideOutsideOfPackage("org.pastoralflow.system..")
                .should().dependOnClassesThat().resideInAPackage("org.pastoralflow.system..")
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackage("org.pastoralflow.demo..")
                .should().dependOnClassesThat().resideInAPackage("org.pastoralflow.demo..")
                .check(CLASSES);
    }

    /** A new package must be put on a floor, so the rules above cover it (docs/architecture.md, "The parts"). */
    @Test
    void everyPackageIsOnAFloor() {
        java.util.List<String> floors = new java.util.ArrayList<>(java.util.List.of(GROUND_FLOOR));
        floors.addAll(java.util.List.of(FEATURES));
        floors.addAll(java.util.List.of("org.pastoralflow.system..", "org.pastoralflow.demo.."));
        java.util.Set<String> unplaced = new java.util.TreeSet<>();
        CLASSES.forEach(c -> {
            String pkg = c.getPackageName();
            boolean placed = pkg.equals("org.pastoralflow")
                    || floors.stream().map(f -> f.substring(0, f.length() - 2)).anyMatch(f -> pkg.equals(f) || pkg.startsWith(f + "."));
            if (!placed) {
                unplaced.add(pkg);
            }
        });
        org.assertj.core.api.Assertions.assertThat(unplaced).as("packages on no floor of ArchitectureTest").isEmpty();
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("org.pastoralflow.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void featuresDoNotImportEachOthersDelegates() {
        noClasses().that().resideOutsideOfPackage("..process..")
                .should().dependOnClassesThat().resideInAPackage("org.pastoralflow..process..")
                .because("delegates are reached by the engine through the models, never called by other code")
                .check(CLASSES);
    }

    /** The java.time types whose {@code now()} and {@code now(ZoneId)} read the computer's clock instead of the school's. */
    static final Set<String> TIME_TYPES = Stream.of(Instant.class, LocalDate.class, LocalDateTime.class, LocalTime.class,
            ZonedDateTime.class, OffsetDateTime.class, OffsetTime.class, Year.class, YearMonth.class, MonthDay.class)
            .map(Class::getName).collect(Collectors.toSet());

    static final DescribedPredicate<JavaCall<?>> READS_THE_COMPUTERS_CLOCK = DescribedPredicate.describe(
            "reads the computer's clock (now() or now(ZoneId) of java.time, new Date(), System.currentTimeMillis(), Clock.system...)",
            call -> {
                String owner = call.getTarget().getOwner().getName();
                String name = call.getTarget().getName();
                List<JavaClass> params = call.getTarget().getRawParameterTypes();
                boolean noArgumentOrZone = params.isEmpty() || params.size() == 1 && params.get(0).isEquivalentTo(ZoneId.class);
                return TIME_TYPES.contains(owner) && name.equals("now") && noArgumentOrZone
                        || owner.equals(Date.class.getName()) && name.equals(JavaConstructor.CONSTRUCTOR_NAME) && params.isEmpty()
                        || owner.equals(System.class.getName()) && name.equals("currentTimeMillis")
                        || owner.equals(Clock.class.getName()) && name.startsWith("system");
            });

    @Test
    void everyNowComesFromTheSchoolClock() {
        noClasses().that().doNotHaveFullyQualifiedName(SchoolClock.class.getName())
                .should().callCodeUnitWhere(READS_THE_COMPUTERS_CLOCK)
                .because("one injected Clock (workflow.SchoolClock, the engine's clock in the school's zone) is the time "
                        + "everywhere: \"today\" is the school's today whatever the server's zone, and a test that moves "
                        + "the engine's clock moves the whole application with it (issue 19)")
                .check(CLASSES);
    }
}
