import { chromium } from 'playwright-core';
const B='http://127.0.0.1:8399';
const [,, path, width='1280', n='40', shotEvery=''] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext({ viewport:{width:+width,height:800}, deviceScaleFactor:1 });
const page = await ctx.newPage();
page.on('pageerror', e=>console.log('PAGEERR', e.message));
page.on('console', m=>{ if(m.type()==='error') console.log('CONSOLE', m.text())});
await page.goto(B+path, {waitUntil:'load'});
await page.waitForTimeout(300);
for (let i=0;i<+n;i++){
  await page.keyboard.press('Tab');
  await page.waitForTimeout(120);
  const f = await page.evaluate(()=>{
    const e=document.activeElement; if(!e) return null;
    const cs=getComputedStyle(e); const r=e.getBoundingClientRect();
    const vis = r.bottom>0 && r.top<innerHeight && r.right>0 && r.left<innerWidth;
    return {tag:e.tagName, text:(e.innerText||e.value||e.getAttribute('aria-label')||'').trim().replace(/\s+/g,' ').slice(0,50), href:e.getAttribute('href'), outline:cs.outlineStyle+' '+cs.outlineWidth+' '+cs.outlineColor, shadow:cs.boxShadow.slice(0,40), inView:vis, rect:[Math.round(r.x),Math.round(r.y),Math.round(r.width),Math.round(r.height)], app:document.documentElement.dataset.app, fv: e.matches(':focus-visible')};
  });
  console.log(i+1, JSON.stringify(f));
  if (shotEvery && (i+1)%(+shotEvery)===0) await page.screenshot({path:`/tmp/qaZ/shots/tab-${path.replace(/\W+/g,'_')}-${width}-${i+1}.png`});
}
await browser.close();
