package org.pastoralflow.workflow.upload;

/**
 * One thing the checks found in a model, about one element (its id and the name a person gave it; both null
 * for the file as a whole). A refusal stops the model from being deployed; house style (ids, names, the diagram)
 * does not, but the shipped models keep it and an upload is told where it does not.
 */
public record Finding(boolean refuses, String elementId, String elementName, String message) {

    static Finding refusal(String elementId, String elementName, String message) {
        return new Finding(true, elementId, elementName, message);
    }

    static Finding style(String elementId, String elementName, String message) {
        return new Finding(false, elementId, elementName, message);
    }

    /** Where, in words: “Review the concern” (Task_DslReview), or the id alone, or "The file". */
    public String where() {
        if (elementId == null) {
            return "The file";
        }
        return elementName == null || elementName.isBlank() ? elementId : "\u201c" + elementName.strip() + "\u201d (" + elementId + ")";
    }

    @Override
    public String toString() {
        return where() + ": " + message;
    }
}
