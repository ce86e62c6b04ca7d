package com.partnerflow;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The package structure a newcomer relies on (docs/adr/0002): features plug into the cross-cutting packages, never the
 * other way round; no two packages depend on each other, however indirectly; a feature reaches another through its
 * public services, never its repositories. Main code only.
 */
class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.partnerflow");

    /** Everything else depends on these; they import no feature. */
    static final String[] CROSS_CUTTING = {"com.partnerflow.security..", "com.partnerflow.system..", "com.partnerflow.notification..",
            "com.partnerflow.work..", "com.partnerflow.webhook..", "com.partnerflow.portal.."};

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("com.partnerflow.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void crossCuttingPackagesImportNoFeature() {
        ArchRule rule = noClasses().that().resideInAnyPackage(CROSS_CUTTING)
                .should().dependOnClassesThat(resideInAPackage("com.partnerflow..").and(resideOutsideOfPackages(CROSS_CUTTING))
                        .as("are in a feature (any other package of com.partnerflow)"))
                .because("a feature plugs into security/ and system/ (ProcessGrants, its own demo data), so adding one edits neither");
        rule.check(MAIN);
    }

    @Test
    void aFeaturesRepositoriesAreItsOwn() {
        ArchRule rule = classes().that().areAssignableTo(Repository.class).should(beUsedOnlyInTheirOwnPackage())
                .because("a repository is its feature's internals: another feature goes through the feature's service");
        rule.check(MAIN);
    }

    private static ArchCondition<JavaClass> beUsedOnlyInTheirOwnPackage() {
        return new ArchCondition<>("be used only in their own package") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                repository.getDirectDependenciesToSelf().stream()
                        .filter(dependency -> !dependency.getOriginClass().getPackageName().equals(repository.getPackageName()))
                        .forEach(dependency -> events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription())));
            }
        };
    }
}
