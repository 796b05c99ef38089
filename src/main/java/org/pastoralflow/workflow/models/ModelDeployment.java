package org.pastoralflow.workflow.models;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A version of one model or decision table that someone deployed from inside the application: who, when, why
 * and how. The engine's deployment (its id here) holds the file; rows are never changed.
 */
@Entity
@Table(name = "model_deployment")
public class ModelDeployment {

    /** How a version came to be deployed. */
    public enum How {
        /** a decision table saved in the table editor */
        TABLE_EDITOR,
        /** a model uploaded from the Camunda Modeler */
        UPLOAD,
        /** an earlier version deployed again */
        RESTORE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "model_deployment_seq")
    @SequenceGenerator(name = "model_deployment_seq", sequenceName = "model_deployment_seq", allocationSize = 50)
    private Long id;
    private String deploymentId;
    private String resourceName;
    @Enumerated(EnumType.STRING)
    private How how;
    private String reason;
    private String deployedBy;
    private Instant deployedAt;
    private String restoredFrom;

    protected ModelDeployment() {
    }

    ModelDeployment(String deploymentId, String resourceName, How how, String reason, String deployedBy, Instant deployedAt,
                    String restoredFrom) {
        this.deploymentId = deploymentId;
        this.resourceName = resourceName;
        this.how = how;
        this.reason = reason;
        this.deployedBy = deployedBy;
        this.deployedAt = deployedAt;
        this.restoredFrom = restoredFrom;
    }

    public String getDeploymentId() {
        return deploymentId;
    }

    public String getResourceName() {
        return resourceName;
    }

    public How getHow() {
        return how;
    }

    public String getReason() {
        return reason;
    }

    public String getDeployedBy() {
        return deployedBy;
    }

    public Instant getDeployedAt() {
        return deployedAt;
    }

    /** For a restore: the definition id of the version that was put back; otherwise null. */
    public String getRestoredFrom() {
        return restoredFrom;
    }
}
