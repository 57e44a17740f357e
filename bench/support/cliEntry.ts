/** The CLI as bin/mentormail.js runs it, from the bench's own build of src. */
import { main } from '../../src/cli';

void main(process.argv).then((code) => {
  process.exitCode = code;
});
