package org.pastoralflow.system;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** An upload form sent without its file, or with one too large: a plain answer, not a server error. */
@ControllerAdvice(annotations = Controller.class)
class UploadProblems {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, HttpServletResponse response) {
        return problem(model, response, HttpStatus.PAYLOAD_TOO_LARGE, "The file is too large. Nothing was imported.");
    }

    @ExceptionHandler({MultipartException.class, MissingServletRequestPartException.class})
    String noFile(Model model, HttpServletResponse response) {
        return problem(model, response, HttpStatus.BAD_REQUEST, "Choose a file to upload. Nothing was imported.");
    }

    private static String problem(Model model, HttpServletResponse response, HttpStatus status, String message) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("detail", message);
        return "error";
    }
}
