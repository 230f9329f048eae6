// Placeholder replaced below once the site build is wired into the tests.
export default function setup() {}
