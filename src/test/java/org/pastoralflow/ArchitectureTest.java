package org.pastoralflow;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;

/** Keeps the shape the style guide asks for from drifting. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.pastoralflow");

    @Test
    void onlyTheWorkflowAdapterAndDelegatesTalkToTheEngine() {
        noClasses().that().resideOutsideOfPackages("..workflow..", "..process..", "..security.webapps..")
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda.bpm.engine", "org.camunda.bpm.engine.runtime",
                        "org.camunda.bpm.engine.task", "org.camunda.bpm.engine.identity")
                .because("engine calls go through the workflow adapter, so moving to a Camunda 7 fork stays mechanical")
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
                .because("the case store filters by confidentiality and audits views of safeguarding entries")
                .check(CLASSES);
    }

    @Test
    void theCaseStoreDoesNotDependOnFeatures() {
        noClasses().that().resideInAnyPackage("..casefile..", "..audit..", "..student..")
                .should().dependOnClassesThat().resideInAnyPackage("..referral..", "..supportplan..")
                .check(CLASSES);
    }
}
