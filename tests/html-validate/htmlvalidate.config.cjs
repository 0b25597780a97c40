// html-validate configuration for wa-onboard's rendered HTML.
module.exports = {
  extends: ["html-validate:recommended"],
  rules: {
    // The checklist e-mails and the e-mail signature are read in mail clients, which drop <style> blocks and
    // external stylesheets: inline styles are the only styling that survives there, so they are deliberate.
    "no-inline-style": "off",
  },
};
