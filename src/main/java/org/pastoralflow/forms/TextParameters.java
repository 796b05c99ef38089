package org.pastoralflow.forms;

import java.beans.PropertyEditorSupport;

import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The text a controller takes one value at a time, not through {@link FormData}: a search box
 * ({@code q}), a board's filters, a reference or UPN in the address. Every such {@code String}
 * parameter or path variable is bound through {@link TextInput} too, so a control character is
 * refused before the controller runs (400, naming the parameter) and the rest arrives in NFC.
 */
@ControllerAdvice
public class TextParameters {

    @InitBinder
    void checkText(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new Editor());
    }

    /** The sentence for a parameter the controller could not take, naming it: a refused text, or a wrong value (an id that is not a number). */
    public static String problem(TypeMismatchException e) {
        String label = "The value of \"" + field(e) + "\"";
        if (e.getCause() instanceof RefusedText refused) {
            return label + " " + refused.getMessage() + ".";
        }
        return label + " is not one this address can take.";
    }

    /** The field a parameter problem is about, as the {@code errors} map of an API problem names it. */
    public static String field(TypeMismatchException e) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return name == null ? "parameter" : name;
    }

    private static final class Editor extends PropertyEditorSupport {
        @Override
        public void setAsText(String text) {
            String problem = TextInput.problem(text);
            if (problem != null) {
                throw new RefusedText(problem);
            }
            setValue(TextInput.normalise(text));
        }
    }

    /** Thrown by the binding; Spring wraps it in a {@link TypeMismatchException} that names the parameter. */
    static final class RefusedText extends IllegalArgumentException {
        RefusedText(String problem) {
            super(problem);
        }
    }
}
