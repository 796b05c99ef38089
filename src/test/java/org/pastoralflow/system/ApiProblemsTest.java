package org.pastoralflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.TextParameters;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API's answers to what goes wrong inside a controller, as problem documents: an unexpected
 * exception (500, logged, its message never sent), a body that is not JSON, a field sent twice, a
 * value of the wrong JSON type, a path variable refused as text.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiProblemsTest {

    @RestController
    static class Api {
        @GetMapping("/api/boom")
        String boom() {
            throw new IllegalStateException("the database password is hunter2");
        }

        @PostMapping("/api/things")
        Map<String, String> things(@RequestBody Map<String, Object> body) {
            FormData data = FormData.fromJson(body);
            String description = data.text("description", "Description", 300, true);
            data.throwIfInvalid();
            return Map.of("description", description);
        }

        @GetMapping("/api/students/{upn}")
        String student(@PathVariable String upn) {
            return upn;
        }
    }

    final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Api())
            .setControllerAdvice(new ApiProblems(), new TextParameters())
            // as Spring Boot builds it (problem details' properties at the top level), strict about duplicates as configured
            .setMessageConverters(new MappingJackson2HttpMessageConverter(Jackson2ObjectMapperBuilder.json()
                    .featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build()))
            .build();

    @Test
    void anUnexpectedErrorIsA500ThatSaysNothingOfItsCauseAndIsLogged(CapturedOutput log) throws Exception {
        String body = mvc.perform(get("/api/boom"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(500))
                .andExpect(jsonPath("$.detail").value(ErrorAnswers.SERVER_ERROR))
                .andExpect(jsonPath("$.instance").value("/api/boom"))
                .andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain("hunter2").doesNotContain("IllegalStateException");
        assertThat(log.getOut()).contains("Unexpected error answering GET /api/boom").contains("hunter2");
    }

    @Test
    void aBodyThatIsNotJsonIsA400ProblemThatDoesNotQuoteIt() throws Exception {
        String body = mvc.perform(post("/api/things").contentType(MediaType.APPLICATION_JSON).content("{\"description\": secret-typo"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The body is not valid JSON."))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("secret-typo");

        mvc.perform(post("/api/things").contentType(MediaType.APPLICATION_JSON).content("[\"description\"]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The body must be a JSON object of fields."));
        mvc.perform(post("/api/things").contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The body is missing: send the fields as a JSON object."));
    }

    @Test
    void aFieldSentTwiceIsNamed() throws Exception {
        mvc.perform(post("/api/things").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"description\": \"fine\", \"description\": \"\\u0000\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.errors.description").value("The field description is sent more than once."));
    }

    @Test
    void aValueOfTheWrongJsonTypeIsNamedInTheSameShapeAsAFormError() throws Exception {
        mvc.perform(post("/api/things").contentType(MediaType.APPLICATION_JSON).content("{\"description\": {\"a\": 1}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://pastoralflow.org/problems/invalid-input"))
                .andExpect(jsonPath("$.errors.description").value("Description must be text, not an object."));
        mvc.perform(post("/api/things").contentType(MediaType.APPLICATION_JSON).content("{\"description\": \"a\\u0000b\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.description").value("Description contains a control character (U+0000 at position 2)."));
        mvc.perform(post("/api/things").contentType(MediaType.APPLICATION_JSON).content("{\"description\": \"Siobha\\u0301n\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.description").value("Siobh\u00e1n"));
    }

    @Test
    void aPathVariableIsRefusedAsTextNamingIt() throws Exception {
        mvc.perform(get("/api/students/{upn}", "A12\u202E3"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.upn")
                        .value("The value of \"upn\" contains an invisible text-direction control (U+202E at position 4)."));
    }
}
