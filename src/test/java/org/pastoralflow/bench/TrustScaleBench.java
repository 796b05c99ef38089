package org.pastoralflow.bench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.pastoralflow.support.PostgresIntegrationTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application on a fresh PostgreSQL database, as {@link PostgresIntegrationTest} has it,
 * plus what the benchmarks share: the {@link TrustScaleData} loader, the {@link SqlCounter} on the
 * DataSource, the start-up time, and, as in production, the job executor on and sessions in the
 * database (the tests' profile turns both off).
 * Bench classes share it by extending {@link TrustScaleBenchBase} (one context, one loaded database
 * of its own): call {@code trustScaleData.ensureLoaded()} first.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PostgresIntegrationTest
@Import(BenchConfig.class)
@TestPropertySource(properties = {"camunda.bpm.job-execution.enabled=true", "spring.autoconfigure.exclude="})
public @interface TrustScaleBench {
}
