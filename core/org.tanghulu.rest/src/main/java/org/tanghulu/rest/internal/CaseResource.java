package org.tanghulu.rest.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tanghulu.api.FieldProblem;
import org.tanghulu.api.definition.ApplicantType;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.core.Refusal;
import org.tanghulu.core.cases.HeldResult;
import org.tanghulu.core.cases.ResultVerifier;
import org.tanghulu.core.cases.CaseEvent;
import org.tanghulu.core.cases.CaseView;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.core.cases.Receipt;
import org.tanghulu.core.cases.Submission;
import org.tanghulu.staff.StaffTokens;
import org.tanghulu.exchange.Dossiers;

/**
 * Cases: submit, follow, answer a correction. The applicant reaches a case with its
 * tracking number and the access key from the receipt (header {@value #ACCESS_KEY});
 * staff with their login.
 */
@Component(service = CaseResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TanghuluApplication.SELECT)
@Path("cases")
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

    /** The header carrying an applicant's access key. */
    static final String ACCESS_KEY = "X-Access-Key";

    /** The applicant's answer to a correction request. */
    public record CorrectionAnswer(Map<String, String> values, Set<String> materials, String message) {
    }

    /** A rating (好差评) of a closed case or a decided step; a missing level is refused as out of range. */
    public record RatingRequest(Integer level, String comment) {

        int levelOrZero() {
            return level == null ? 0 : level;
        }
    }

    /**
     * An application as the JSON API takes it: a {@link Submission} without an owner, since no
     * applicant account signs in here (the portal submits for accounts).
     */
    public record SubmissionJson(String group, String submissionKey, ApplicantType applicantType, String applicantName,
            Map<String, String> values, Set<String> materials, String contactPhone, String contactEmail,
            List<HeldJson> held, Set<String> promised) {

        Submission withoutOwner() {
            return new Submission(group, submissionKey, applicantType, applicantName, values, materials, contactPhone,
                    contactEmail, null, held == null ? null : held.stream().map(h -> h == null ? null : h.held()).toList(),
                    promised);
        }
    }

    /**
     * A result the applicant already holds: {@code matter} as {@code department/matter}, the number on it
     * and the holder's identity number; with {@code group} when asked before submitting.
     */
    public record HeldJson(String group, String matter, String reference, String holderId) {

        HeldResult held() {
            MatterKey key;
            try {
                key = matter == null ? null : MatterKey.parse(matter, null);
            } catch (IllegalArgumentException e) {
                throw new Refusal(Refusal.Kind.INVALID, "The held result's matter must be written department/matter, e.g."
                        + " aic/name-preapproval: " + e.getMessage());
            }
            return new HeldResult(key, reference, holderId);
        }
    }

    @Reference
    private Cases cases;

    @Reference
    private StaffTokens tokens;

    @Reference
    private Dossiers dossiers;

    /** @return 201 with the receipt; 200 with the first receipt if the submission key was used before */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(SubmissionJson submission) {
        if (submission == null) {
            throw new BadRequestException("Send the application as a JSON object.");
        }
        Receipt receipt = cases.submit(submission.withoutOwner());
        return (receipt.created() ? Response.created(URI.create("cases/" + receipt.trackingNumber())) : Response.ok())
                .entity(receipt).build();
    }

    /**
     * Confirms a held result with its department's system before submitting.
     *
     * @return 200 with the confirmation (outputs and the data the department holds, to prefill the form);
     *         422 with the department's reason if it does not confirm it
     */
    @POST
    @Path("held-results")
    @Consumes(MediaType.APPLICATION_JSON)
    public ResultVerifier.Confirmation verifyHeld(HeldJson held) {
        if (held == null) {
            throw new BadRequestException("Send the held result as a JSON object with group, matter, reference and holderId.");
        }
        ResultVerifier.Confirmation c = cases.verifyHeld(held.group(), held.held());
        if (!c.confirmed()) {
            throw new Refusal(Refusal.Kind.INVALID, "The held result was not confirmed: " + c.reason(), List.of(new FieldProblem(
                    "held:" + held.matter(), new LocalizedText("已有结果未通过核验：" + c.reason(), "Not confirmed: " + c.reason()))));
        }
        return c;
    }

    @GET
    @Path("{tracking}")
    public CaseView get(@PathParam("tracking") String tracking, @HeaderParam(ACCESS_KEY) String key,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return key != null ? cases.applicantView(tracking, key) : cases.staffView(tracking, Staff.authenticate(tokens, authorization));
    }

    @GET
    @Path("{tracking}/events")
    public List<CaseEvent> events(@PathParam("tracking") String tracking, @HeaderParam(ACCESS_KEY) String key,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return key != null ? cases.events(tracking, key, null) : cases.events(tracking, null, Staff.authenticate(tokens, authorization));
    }

    /** @return the case's signed dossier file, for the applicant (access key) or staff who may read the case */
    @GET
    @Path("{tracking}/dossier")
    @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    public Response dossier(@PathParam("tracking") String tracking, @HeaderParam(ACCESS_KEY) String key,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        get(tracking, key, authorization); // who may read the case may read its dossier
        return Response.ok(dossiers.signedFile(tracking))
                .header("Content-Disposition", "attachment; filename=\"dossier-" + tracking + ".txt\"").build();
    }

    @POST
    @Path("{tracking}/tasks/{task}/correction")
    @Consumes(MediaType.APPLICATION_JSON)
    public CaseView answer(@PathParam("tracking") String tracking, @PathParam("task") long task,
            @HeaderParam(ACCESS_KEY) String key, CorrectionAnswer answer) {
        if (answer == null) {
            throw new BadRequestException("Send the corrected values as a JSON object.");
        }
        return cases.answerCorrection(tracking, key, task, answer.values(), answer.materials(), answer.message());
    }

    /** The applicant answers the case's one correction request, for every task waiting for it. */
    @POST
    @Path("{tracking}/correction")
    @Consumes(MediaType.APPLICATION_JSON)
    public CaseView answerAll(@PathParam("tracking") String tracking, @HeaderParam(ACCESS_KEY) String key,
            CorrectionAnswer answer) {
        if (answer == null) {
            throw new BadRequestException("Send the corrected values as a JSON object.");
        }
        return cases.answerCorrections(tracking, key, answer.values(), answer.materials(), answer.message());
    }

    @POST
    @Path("{tracking}/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    public CaseView rate(@PathParam("tracking") String tracking, @HeaderParam(ACCESS_KEY) String key, RatingRequest rating) {
        if (rating == null) {
            throw new BadRequestException("Send the rating as a JSON object with a level from 1 to 5.");
        }
        return cases.rate(tracking, key, rating.levelOrZero(), rating.comment());
    }

    @POST
    @Path("{tracking}/tasks/{task}/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    public CaseView rateTask(@PathParam("tracking") String tracking, @PathParam("task") long task,
            @HeaderParam(ACCESS_KEY) String key, RatingRequest rating) {
        if (rating == null) {
            throw new BadRequestException("Send the rating as a JSON object with a level from 1 to 5.");
        }
        return cases.rateTask(tracking, key, task, rating.levelOrZero(), rating.comment());
    }

    /** Supplies a material the case waits for (a minor one promised at submission, or one asked at its step). */
    @POST
    @Path("{tracking}/materials/{material}")
    public CaseView supply(@PathParam("tracking") String tracking, @PathParam("material") String material,
            @HeaderParam(ACCESS_KEY) String key) {
        return cases.supplyMaterial(tracking, key, material);
    }
}
