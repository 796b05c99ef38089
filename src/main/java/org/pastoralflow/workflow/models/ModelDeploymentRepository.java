package org.pastoralflow.workflow.models;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ModelDeploymentRepository extends JpaRepository<ModelDeployment, Long> {

    Optional<ModelDeployment> findByDeploymentId(String deploymentId);

    List<ModelDeployment> findByDeploymentIdIn(Collection<String> deploymentIds);
}
