import { validationPipe } from '../common/common.module';
import { DomainError } from '../common/domain-error';
import { UploadedResumeFile } from '../candidates/resume-upload';
import { ApplyInput } from './applications.service';
import { UPLOAD_CHOICE } from './apply-panel.service';
import { CreateApplicationDto } from './dto/create-application.dto';
import { answerField } from './screening-answers';

/*
 * The apply form on the job page (multipart, for the file). Its inputs are
 * flat: `resumeId` (a radio: one of the candidate's resumes, or "upload"),
 * `resume` (the file), `coverLetter`, and one `answers.<question id>` per
 * screening question, the name the service reports that answer's problems
 * under. This turns them into the API's CreateApplicationDto, validated by
 * the same pipe.
 */

const PREFIX = answerField('');

/** The submitted form as the service's input. */
export async function parseApplyForm(body: Record<string, unknown>, file: UploadedResumeFile | undefined): Promise<ApplyInput> {
  const resumeChoice = typeof body.resumeId === 'string' ? body.resumeId : '';
  // A file chosen is the one meant, whatever radio is ticked.
  if (!file && resumeChoice === UPLOAD_CHOICE) throw DomainError.invalid({ resume: ['Choose a PDF or Word (.docx) file to upload, or one of your resumes.'] });
  const answers = Object.entries(body)
    .filter(([name, value]) => name.startsWith(PREFIX) && typeof value === 'string')
    .map(([name, value]) => ({ questionId: name.slice(PREFIX.length), answer: value as string }));
  const input = {
    ...(file || !resumeChoice ? {} : { resumeId: resumeChoice }),
    ...(typeof body.coverLetter === 'string' ? { coverLetter: body.coverLetter } : {}),
    answers,
  };
  const dto = (await validationPipe.transform(input, { type: 'body', metatype: CreateApplicationDto })) as CreateApplicationDto;
  return { ...dto, file };
}
