package io.github.apigwddb.check;

/** One step of checking an example: renders or inspects what earlier steps left in the run. */
interface ExampleCheck {

    void check(ExampleRun run);
}
