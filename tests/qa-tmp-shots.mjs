import { chromium } from 'playwright-core';
const B='http://127.0.0.1:8399';
const pages = {
 'zh-home':'/zh/','zh-section':'/zh/section/ke-yan','zh-article':'/zh/news/shangli-gaoduan-yiliao-qixie-zhongxin','zh-speech':'/zh/news/shangli-gaoduan-yiliao-qixie-zhongxin/speech/2','zh-speakers':'/zh/speakers','zh-speaker':'/zh/speakers/wu-jin-cheng','zh-search':'/zh/search?q=光学','zh-saved':'/zh/saved','zh-404':'/zh/news/nope-xyz','zh-archive':'/zh/news/archive/1',
 'en-home':'/','en-section':'/section/research','en-article':'/news/usst-medical-equipment-centre','en-speech':'/news/usst-medical-equipment-centre/speech/2','en-speakers':'/speakers','en-speaker':'/speakers/wu-jincheng','en-search':'/search?q=optical','en-saved':'/saved','en-404':'/news/nope-xyz',
};
const only = process.argv[2] ? process.argv[2].split(',') : Object.keys(pages);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const w of [390,1280]) {
  const ctx = await browser.newContext({ viewport:{width:w,height: w===390?844:900}, deviceScaleFactor:1 });
  const page = await ctx.newPage();
  const errs=[]; page.on('console', m=>{ if(m.type()==='error'||m.type()==='warning') errs.push(m.text())}); page.on('pageerror', e=>errs.push('PAGEERR '+e.message));
  for (const k of only) {
    const resp = await page.goto(B+pages[k], {waitUntil:'load'});
    await page.waitForTimeout(300);
    const info = await page.evaluate(()=>({lang:document.documentElement.lang,title:document.title,desc:document.querySelector('meta[name=description]')?.content, app: document.documentElement.dataset.app, fonts: getComputedStyle(document.body).fontFamily, h: [...document.querySelectorAll('h1,h2,h3,h4')].map(h=>h.tagName+':'+h.textContent.trim().slice(0,40))}));
    console.log(w,k,resp.status(),JSON.stringify(info));
    await page.screenshot({path:`/tmp/qaZ/shots/${k}-${w}.png`, fullPage:true});
  }
  if(errs.length) console.log('ERRS',errs.slice(0,10));
  await ctx.close();
}
await browser.close();
