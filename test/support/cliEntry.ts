// What bin/mentormail.js does with the built CLI, from the sources: for tests of real processes.
import { main } from '../../src/cli';

void main(process.argv).then((code) => {
  process.exitCode = code;
});
